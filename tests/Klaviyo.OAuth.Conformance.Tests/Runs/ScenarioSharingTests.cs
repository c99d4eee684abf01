using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Runs;

/// <summary>What the suite's scenarios share, so that the scheduler runs those one after another.</summary>
public class ScenarioSharingTests
{
    private const string Api = "http://127.0.0.1:9/";

    [Test]
    public void Without_a_control_api_the_scenarios_using_the_configured_tokens_share_them() =>
        SharedBy(Remote(), "needs-refresh-token").Should().Equal(ConfiguredTokenSharing.ConfiguredTokens);

    [Test]
    public void With_the_sign_in_the_scenarios_that_ask_for_an_approval_share_it()
    {
        var settings = Remote(("SignIn", "true"));
        SharedBy(settings, "needs-approval", "documented").Should().Equal(ConfiguredTokenSharing.SignIn);
        SharedBy(settings, "destructive", "needs-refresh-token").Should().Equal(ConfiguredTokenSharing.ConfiguredTokens, ConfiguredTokenSharing.SignIn);
        SharedBy(settings, "needs-client").Should().BeEmpty();
    }

    [Test]
    public void Without_the_sign_in_an_approval_shares_nothing() =>
        SharedBy(Remote(), "needs-approval").Should().BeEmpty();

    [Test]
    public void A_control_api_gives_every_scenario_its_own_app_and_tokens() =>
        SharedBy(Remote(("SignIn", "true"), ("ControlUrl", Api)), "needs-approval", "needs-refresh-token").Should().BeEmpty();

    private static IReadOnlyCollection<string> SharedBy(ConformanceSettings settings, params string[] tags)
    {
        var context = new RunContext(Path.Combine(Path.GetTempPath(), "sharing-tests"), [], new TextRunProgress(TextWriter.Null)).Provide(SuiteSettings.Of(settings));
        return new ConfiguredTokenSharing().SharedBy(tags, context);
    }

    private static ConformanceSettings Remote(params (string Key, string Value)[] more) =>
        ConformanceSettings.Load(null, optional: true, new Dictionary<string, string?>
        {
            ["Conformance:Target"] = "remote",
            ["Conformance:ApiBaseUrl"] = Api,
            ["Conformance:WebBaseUrl"] = Api,
            ["Conformance:ClientId"] = "app",
            ["Conformance:ClientSecret"] = "secret",
            ["Conformance:RedirectUri"] = "http://127.0.0.1:9/callback",
            ["Conformance:RefreshToken"] = "refresh",
        }.Concat(more.Select(m => KeyValuePair.Create($"Conformance:{m.Key}", (string?)m.Value))));
}
