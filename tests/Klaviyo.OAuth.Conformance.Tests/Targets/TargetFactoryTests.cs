using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Conformance.Tests.Configuration;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Targets;

public class TargetFactoryTests
{
    [Test]
    public async Task With_a_control_url_the_target_is_steered_through_the_control_api()
    {
        await using var target = TargetFactory.CreateRemote(RemoteSettings.Urls(control: "http://127.0.0.1:5080"), new SecretRedactor());

        target.Should().BeOfType<ControlApiTarget>();
    }

    [Test]
    public async Task Without_a_control_url_the_target_uses_what_is_configured()
    {
        await using var target = TargetFactory.CreateRemote(RemoteSettings.Urls(control: null), new SecretRedactor());

        target.Should().BeOfType<ConfiguredRemoteTarget>();
    }

    [Test]
    public void Settings_with_problems_are_refused_with_every_problem()
    {
        var settings = RemoteSettings.Urls(control: "not-a-url");
        settings.WebBaseUrl = null;

        var create = () => TargetFactory.CreateRemote(settings, new SecretRedactor());

        create.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().HaveCount(2);
    }

    [Test]
    public void Embedded_settings_are_refused_because_the_suite_starts_that_target_itself()
    {
        var create = () => TargetFactory.CreateRemote(new ConformanceSettings(), new SecretRedactor());

        create.Should().Throw<ConformanceConfigurationException>().WithMessage("Conformance:Target is 'embedded', not 'remote'*");
    }
}
