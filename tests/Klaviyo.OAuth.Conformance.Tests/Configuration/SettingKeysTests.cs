using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Configuration;

public class SettingKeysTests
{
    [Test]
    public void The_keys_are_exactly_the_settable_properties_of_the_settings() =>
        SettingKeys.All.Select(k => k.Name).Should().BeEquivalentTo(
            typeof(ConformanceSettings).GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic).Select(p => p.Name));

    [TestCase("ControlURI", "ControlUrl")]
    [TestCase("controlurl", "ControlUrl")]
    [TestCase("ApiUrl", "ApiBaseUrl")]
    [TestCase("WebBaseURL", "WebBaseUrl")]
    [TestCase("ClientSecrect", "ClientSecret")]
    [TestCase("Secret", "ClientSecret")]
    [TestCase("Timeout", "TimeoutSeconds")]
    [TestCase("StrictAdvisories", "StrictAdvisory")]
    public void The_nearest_key_of_a_misspelled_one(string typed, string nearest) =>
        SettingKeys.Nearest(typed)!.Name.Should().Be(nearest);

    [TestCase("Colour")]
    [TestCase("x")]
    [TestCase("")]
    public void Nothing_is_suggested_when_nothing_is_near(string typed) =>
        SettingKeys.Nearest(typed).Should().BeNull();
}
