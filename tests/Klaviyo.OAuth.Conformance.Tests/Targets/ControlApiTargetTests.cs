using FluentAssertions;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;
using EmulatorOptions = Klaviyo.OAuth.Emulator.EmulatorOptions;
using KlaviyoEmulator = Klaviyo.OAuth.Emulator.KlaviyoEmulator;

namespace Klaviyo.OAuth.Conformance.Tests.Targets;

/// <summary>The control-API target against a real emulator with its control API on, as the standalone emulator runs.</summary>
public class ControlApiTargetTests
{
    private KlaviyoEmulator emulator = null!;
    private ControlApiTarget target = null!;
    private TargetHttpClient http = null!;

    [OneTimeSetUp]
    public void StartEmulator()
    {
        emulator = KlaviyoEmulator.Start(new EmulatorOptions());
        target = new ControlApiTarget(SettingsFor(emulator), new SecretRedactor());
        http = new TargetHttpClient(TimeSpan.FromSeconds(10));
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        await target.DisposeAsync();
        http.Dispose();
        emulator.Dispose();
    }

    [Test]
    public void Every_capability_is_offered()
    {
        foreach (var capability in Enum.GetValues<Capability>())
        {
            target.WhyLacking(capability).Should().BeNull($"the emulator's control API offers what {capability} needs");
        }
    }

    [Test]
    public async Task It_reads_the_capabilities_the_control_api_lists() =>
        (await target.ControlCapabilitiesAsync()).Should().BeEquivalentTo("clients", "accounts", "users", "sessions", "uninstall", "clock", "outages", "journal", "refresh-tokens", "inject");

    [Test]
    public async Task A_provisioned_app_authenticates_at_the_token_endpoint()
    {
        var app = await target.ProvideAppAsync();

        var refresh = await RefreshAsync(app, ClientCredentialStyle.BasicHeader);
        var wrongSecret = await RefreshAsync(app, ClientCredentialStyle.WrongSecret);

        refresh.Status.Should().Be(400, "the client is known, only the refresh token is not");
        refresh.JsonString("error").Should().Be("invalid_grant");
        wrongSecret.Status.Should().Be(401);
        app.RedirectUri.Should().Be(ControlApiTarget.DefaultRedirectUri);
    }

    [Test]
    public async Task Each_app_is_fresh()
    {
        var first = await target.ProvideAppAsync();
        var second = await target.ProvideAppAsync();

        second.ClientId.Should().NotBe(first.ClientId);
    }

    [Test]
    public async Task The_configured_redirect_uri_is_registered_for_provisioned_apps()
    {
        var settings = SettingsFor(emulator);
        settings.RedirectUri = "https://app.example.com/oauth/callback";
        await using var configured = new ControlApiTarget(settings, new SecretRedactor());

        (await configured.ProvideAppAsync()).RedirectUri.Should().Be("https://app.example.com/oauth/callback");
    }

    [Test]
    public async Task An_owner_of_an_allowlisted_account_is_signed_in_to_the_web_host()
    {
        var user = await target.SignInAsync(UserRole.Owner, allowlistedAccount: true);

        (await ClientPageAsync(user)).Status.Should().Be(200);
        user.Role.Should().Be(UserRole.Owner);
        user.AccountAllowlisted.Should().BeTrue();
    }

    [TestCase(UserRole.CampaignCoordinator, true)]
    [TestCase(UserRole.Owner, false)]
    public async Task The_role_and_the_account_reach_the_target(UserRole role, bool allowlisted)
    {
        var user = await target.SignInAsync(role, allowlisted);

        (await ClientPageAsync(user)).Status.Should().Be(404, "only managers and up of allowlisted accounts see the client page");
    }

    [Test]
    public async Task The_clock_moves_for_the_app()
    {
        var app = await target.ProvideAppAsync();

        await target.AdvanceClockAsync(app, TimeSpan.FromMinutes(90));

        emulator.Journal.Should().Contain(e => e.Outcome == $"200 control: clock advanced 5400 s for {app.ClientId}");
    }

    [Test]
    public async Task An_outage_takes_the_token_endpoint_down_for_the_app_until_it_ends()
    {
        var app = await target.ProvideAppAsync();

        await target.StartOutageAsync(EndpointFamily.Token, app);
        var during = await RefreshAsync(app, ClientCredentialStyle.BasicHeader);
        await target.EndOutageAsync(EndpointFamily.Token, app);
        var after = await RefreshAsync(app, ClientCredentialStyle.BasicHeader);

        during.Status.Should().Be(503);
        after.Status.Should().Be(400);
    }

    [Test]
    public async Task The_app_can_be_removed()
    {
        var app = await target.ProvideAppAsync();

        await target.RemoveAppAsync(app);

        emulator.Journal.Should().Contain(e => e.Outcome == $"204 app {app.ClientId} removed");
    }

    [Test]
    public async Task A_control_call_the_target_refuses_throws_with_the_route_the_status_and_the_body()
    {
        var stranger = new AppRegistration("0123456789abcdef01234567", "cs-unknown-secret", ControlApiTarget.DefaultRedirectUri);

        var remove = () => target.RemoveAppAsync(stranger);

        await remove.Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("*404*POST *__control/clients/0123456789abcdef01234567/uninstall*does not exist*");
    }

    [Test]
    public void Describe_names_all_three_urls()
    {
        target.Describe().Should().Be($"remote target with control API (API {emulator.ApiBaseUrl}, web {emulator.WebBaseUrl}, control {emulator.ApiBaseUrl})");
        target.Kind.Should().Be(TargetKind.Remote);
        target.Preobtained.Should().BeNull();
        ((IConformanceTarget)target).Budget.Should().BeNull("the suite provisions its own tokens here");
    }

    [Test]
    public async Task An_emulator_without_its_control_api_is_a_failure_that_says_to_check_the_control_url()
    {
        using var bare = KlaviyoEmulator.Start(new EmulatorOptions { EnableControlApi = false });
        await using var misdirected = new ControlApiTarget(SettingsFor(bare), new SecretRedactor());

        var ask = () => misdirected.WhyLacking(Capability.Client);

        ask.Should().Throw<InvalidOperationException>().WithMessage("*404*Conformance:ControlUrl*--no-control-api*");
    }

    internal static ConformanceSettings SettingsFor(KlaviyoEmulator emulator) => new()
    {
        Target = "remote",
        ApiBaseUrl = emulator.ApiBaseUrl.ToString(),
        WebBaseUrl = emulator.WebBaseUrl.ToString(),
        ControlUrl = emulator.ApiBaseUrl.ToString(),
        TimeoutSeconds = 10,
    };

    private Task<HttpExchange> RefreshAsync(AppRegistration app, ClientCredentialStyle style) =>
        new ReferenceClient(app, target.ApiBaseUrl, target.WebBaseUrl, http).RefreshAsync("klr_" + new string('A', 43), new RequestFaults { Credentials = style });

    private Task<HttpExchange> ClientPageAsync(SignedInUser user) =>
        http.SendAsync(new OutgoingRequest(HttpMethod.Get, new Uri(target.WebBaseUrl, "/oauth/client")).WithHeader("Cookie", user.CookieHeader));
}
