using Microsoft.AspNetCore.WebUtilities;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// What a person sees on the web host, in a real (headless) Chromium. The guide's sentence for a
/// denied role, "Access to www.klaviyo.com was denied. You don't have authorization to view this
/// page.", is Chromium's own error page: it shows it when the server answers 403 with an empty body,
/// and headless Chromium reports exactly that load as net::ERR_HTTP_RESPONSE_CODE_FAILURE. With any
/// body of the server's own, Chromium would render that body instead. The browser cannot be handed a
/// cookie from the command line, so a proxy in front of the web host signs its requests in.
/// </summary>
[TestFixture]
public sealed class WebPagesInABrowser
{
    private const string BrowsersOwnPage = "net::ERR_HTTP_RESPONSE_CODE_FAILURE";

    private StandaloneEmulator _emulator = null!;

    [OneTimeSetUp]
    public async Task StartTheEmulatorAsync() => _emulator = await StandaloneEmulator.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _emulator?.Dispose();

    [Test]
    public async Task An_analyst_opening_the_authorization_page_sees_the_browsers_own_access_denied_page()
    {
        var chromium = HeadlessChromium.Require();

        var shown = await OpenAuthorizationPageAsync(chromium, "analyst");

        shown.Should().Contain(BrowsersOwnPage, "an empty 403 makes Chromium show its own page: \"Access to HOST was denied. You don't have authorization to view this page.\"")
            .And.NotContain("<form", "no consent form is rendered");
    }

    [Test]
    public async Task An_owner_opening_the_authorization_page_sees_the_consent_form_rendered()
    {
        var chromium = HeadlessChromium.Require();

        var shown = await OpenAuthorizationPageAsync(chromium, "owner");

        shown.Should().Contain("<form", "the page loads, so the browser renders the server's page").And.NotContain(BrowsersOwnPage);
    }

    private async Task<string> OpenAuthorizationPageAsync(string chromium, string role)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var control = new Uri(_emulator.ApiUrl, "__control/");
        const string redirectUri = "http://127.0.0.1/callback";
        var clientId = (await InstalledApp.PostJsonAsync(http, new Uri(control, "clients"), new { redirectUris = new[] { redirectUri } }, default)).GetProperty("clientId").GetString()!;
        var accountId = (await InstalledApp.PostJsonAsync(http, new Uri(control, "accounts"), new { allowlisted = true }, default)).GetProperty("accountId").GetString()!;
        var userId = (await InstalledApp.PostJsonAsync(http, new Uri(control, "users"), new { accountId, role }, default)).GetProperty("userId").GetString()!;
        var session = await InstalledApp.PostJsonAsync(http, new Uri(control, "sessions"), new { userId }, default);

        await using var browserSession = await RewritingProxy.StartAsync(
            _emulator.WebUrl, new SignedInBrowser($"{session.GetProperty("cookieName").GetString()}={session.GetProperty("cookieValue").GetString()}"));
        var page = QueryHelpers.AddQueryString(new Uri(browserSession.Url, "oauth/authorize").AbsoluteUri, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = "accounts:read",
            ["state"] = "in-a-browser",
            ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ["code_challenge_method"] = "S256",
        });

        var shown = await HeadlessChromium.LoadAsync(chromium, new Uri(page));
        browserSession.Errors.Should().BeEmpty();
        return shown;
    }
}
