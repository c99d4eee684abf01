using System.Text;
using Bogus;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Conformance.Tests.Configuration;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Targets;

public class ConfiguredRemoteTargetTests
{
    private readonly Faker faker = new();

    [Test]
    public async Task A_fully_configured_app_is_provided_as_configured()
    {
        var settings = RemoteSettings.RealApp();
        await using var target = new ConfiguredRemoteTarget(settings, new SecretRedactor());

        target.WhyLacking(Capability.Client).Should().BeNull();
        (await target.ProvideAppAsync()).Should().Be(new AppRegistration(settings.ClientId!, settings.ClientSecret!, settings.RedirectUri!));
        target.Kind.Should().Be(TargetKind.Remote);
        target.ApiBaseUrl.Should().Be(new Uri("https://a.klaviyo.com"));
        target.WebBaseUrl.Should().Be(new Uri("https://www.klaviyo.com"));
    }

    [Test]
    public async Task Without_an_app_the_client_capability_names_the_settings_to_set()
    {
        await using var target = new ConfiguredRemoteTarget(RemoteSettings.Urls(), new SecretRedactor());

        var reason = target.WhyLacking(Capability.Client);
        var provide = () => target.ProvideAppAsync();

        reason.Should().Be(
            "no app is configured: set Conformance:ClientId, Conformance:ClientSecret to an app registered with the target "
            + "(environment: Conformance__ClientId, Conformance__ClientSecret).");
        await provide.Should().ThrowAsync<InvalidOperationException>().WithMessage("*needs-client*" + reason);
    }

    [Test]
    public async Task An_app_without_a_redirect_uri_has_client_credentials_and_lacks_only_the_redirect_uri()
    {
        var settings = RemoteSettings.RealApp();
        settings.RedirectUri = null;
        await using var target = new ConfiguredRemoteTarget(settings, new SecretRedactor());

        target.WhyLacking(Capability.Client).Should().BeNull("client authentication, grant type and refresh need only id and secret");
        (await target.ProvideAppAsync()).RedirectUri.Should().BeNull();
        target.WhyLacking(Capability.RedirectUri).Should().Contain("Conformance:RedirectUri").And.NotContain("Conformance:ClientId");
    }

    [TestCase(Capability.Consent, "needs a role: the target has no control API (Conformance:ControlUrl) to sign in a user of a given role")]
    [TestCase(Capability.Clock, "needs the clock: the target has no control API (Conformance:ControlUrl) to let time pass")]
    [TestCase(Capability.Outage, "needs an outage: the target has no control API (Conformance:ControlUrl) to take an endpoint down")]
    [TestCase(Capability.Uninstall, "needs the customer's uninstall: the target has no control API (Conformance:ControlUrl) to remove the app")]
    public async Task What_only_a_control_api_can_do_is_always_lacking(Capability capability, string reason)
    {
        await using var target = new ConfiguredRemoteTarget(RemoteSettings.RealApp(allowDestructive: true), new SecretRedactor());

        target.WhyLacking(capability).Should().StartWith(reason);
    }

    [Test]
    public async Task Asking_for_what_only_a_control_api_can_do_throws_with_the_same_reason()
    {
        await using var target = new ConfiguredRemoteTarget(RemoteSettings.RealApp(), new SecretRedactor());
        var app = await target.ProvideAppAsync();

        await Calling(() => target.SignInAsync(UserRole.Owner, allowlistedAccount: true), Capability.Consent);
        await Calling(() => target.AdvanceClockAsync(app, TimeSpan.FromDays(91)), Capability.Clock);
        await Calling(() => target.StartOutageAsync(EndpointFamily.Token, app), Capability.Outage);
        await Calling(() => target.EndOutageAsync(EndpointFamily.Token, app), Capability.Outage);
        await Calling(() => target.RemoveAppAsync(app), Capability.Uninstall);

        async Task Calling(Func<Task> call, Capability capability) =>
            await call.Should().ThrowAsync<InvalidOperationException>().WithMessage("*" + target.WhyLacking(capability));
    }

    [Test]
    public async Task Configured_tokens_are_the_preobtained_tokens_and_provide_their_capabilities()
    {
        var settings = RemoteSettings.RealApp();
        await using var target = new ConfiguredRemoteTarget(settings, new SecretRedactor());

        target.Preobtained.Should().Be(new PreobtainedTokens(settings.RefreshToken, settings.AccessToken));
        target.WhyLacking(Capability.RefreshToken).Should().BeNull();
        target.WhyLacking(Capability.AccessToken).Should().BeNull();
    }

    [Test]
    public async Task Without_tokens_their_capabilities_name_the_settings_and_nothing_is_preobtained()
    {
        var settings = RemoteSettings.RealApp();
        settings.RefreshToken = null;
        settings.AccessToken = "";
        await using var target = new ConfiguredRemoteTarget(settings, new SecretRedactor());

        target.Preobtained.Should().BeNull();
        target.WhyLacking(Capability.RefreshToken).Should().Contain("Conformance:RefreshToken");
        target.WhyLacking(Capability.AccessToken).Should().Contain("Conformance:AccessToken");
    }

    [Test]
    public async Task Destructive_scenarios_are_lacking_unless_allowed()
    {
        await using var cautious = new ConfiguredRemoteTarget(RemoteSettings.RealApp(), new SecretRedactor());
        await using var allowed = new ConfiguredRemoteTarget(RemoteSettings.RealApp(allowDestructive: true), new SecretRedactor());

        cautious.WhyLacking(Capability.Destructive).Should().Be(
            "this scenario revokes or exhausts the configured tokens; run with --sign-in (Conformance:SignIn=true) to give it a throwaway token set, or set Conformance:AllowDestructive=true to allow it on the configured tokens.");
        allowed.WhyLacking(Capability.Destructive).Should().BeNull();
    }

    [Test]
    public async Task Without_a_person_to_ask_approvals_need_sign_in_and_with_one_destructive_scenarios_need_no_configured_tokens()
    {
        using var signIn = new Klaviyo.OAuth.Conformance.SignIn.AssistedSignIn(new SilentConsole(), new SecretRedactor());
        static ConformanceSettings WithoutTokens(bool signIn)
        {
            var settings = RemoteSettings.RealApp();
            (settings.RefreshToken, settings.AccessToken, settings.SignIn) = (null, null, signIn);
            return settings;
        }

        await using var alone = new ConfiguredRemoteTarget(WithoutTokens(signIn: false), new SecretRedactor());
        await using var assisted = new ConfiguredRemoteTarget(WithoutTokens(signIn: true), new SecretRedactor(), signIn: signIn);
        await using var underDotnetTest = new ConfiguredRemoteTarget(WithoutTokens(signIn: true), new SecretRedactor());

        alone.WhyLacking(Capability.Approval).Should().StartWith("needs --sign-in").And.Contain("Conformance:SignIn=true");
        underDotnetTest.WhyLacking(Capability.Approval).Should().StartWith("needs --sign-in").And.Contain("dotnet test never asks");
        assisted.WhyLacking(Capability.Approval).Should().BeNull();
        assisted.WhyLacking(Capability.Destructive).Should().BeNull("the sign-in's own tokens are the ones used up");
        assisted.WhyLacking(Capability.Consent).Should().NotBeNull("a person approves; the suite still cannot sign users of other roles in");

        Capability[] revocation = [Capability.Client, Capability.RefreshToken, Capability.Destructive];
        assisted.Needs(revocation).Should().Equal(Capability.Client, Capability.Destructive);
        alone.Needs(revocation).Should().Equal(revocation);
        assisted.Needs([Capability.RefreshToken]).Should().Equal(Capability.RefreshToken);
    }

    private sealed class SilentConsole : Klaviyo.OAuth.Conformance.SignIn.ISignInConsole
    {
        public void ShowLine(string line)
        {
        }

        public Task<string?> AskAsync(string question, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public bool TryOpenBrowser(Uri url) => false;
    }

    [Test]
    public async Task Configured_secrets_are_masked_everywhere_from_construction_on()
    {
        var settings = RemoteSettings.RealApp();
        settings.ClientSecret = "cs-" + faker.Random.AlphaNumeric(24);
        settings.RefreshToken = "klr_" + faker.Random.AlphaNumeric(43);
        settings.AccessToken = "kla_" + faker.Random.AlphaNumeric(40);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        var text = $"secret {settings.ClientSecret} basic {basic} refresh {settings.RefreshToken} access {settings.AccessToken}";

        var redactor = new SecretRedactor();
        await using var target = new ConfiguredRemoteTarget(settings, redactor);

        redactor.Redact(text).Should().NotContainAny(settings.ClientSecret, basic, settings.RefreshToken, settings.AccessToken);
        target.Describe().Should().NotContainAny(settings.ClientSecret, settings.RefreshToken, settings.AccessToken);
    }

    [Test]
    public async Task Describe_names_the_kind_the_urls_and_what_is_configured()
    {
        await using var target = new ConfiguredRemoteTarget(RemoteSettings.RealApp(), new SecretRedactor());

        target.Describe().Should().Be(
            "remote target without a control API (API https://a.klaviyo.com/, web https://www.klaviyo.com/; app app-client-id, "
            + "refresh token set, access token set, destructive scenarios skipped, sign-in off)");
    }

    [Test]
    public async Task Its_refresh_budget_is_found_through_the_target()
    {
        await using var target = new ConfiguredRemoteTarget(RemoteSettings.RealApp(), new SecretRedactor());

        ((IConformanceTarget)target).Budget.Should().BeSameAs(target.Budget);
        target.Budget.Limit.Should().Be(9);
    }
}
