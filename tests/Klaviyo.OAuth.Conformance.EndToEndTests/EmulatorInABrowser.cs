using System.Net;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// An integration developer's "Connect Klaviyo" click, in a real headless Chromium driven by
/// Playwright, against the standalone emulator: the authorization request sends the browser to
/// sign in, back to the consent page, and Allow returns to the app with a code (Deny with
/// access_denied); an analyst gets the 403 page.
/// </summary>
[NonParallelizable]
public sealed partial class EmulatorInABrowser
{
    private const string AppName = "Acme <Sync> & Co";
    private const string Scope = "accounts:read profiles:read";

    private StandaloneEmulator _emulator = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private TargetHttpClient _target = null!;
    private ReferenceClient _app = null!;
    private string _redirectUri = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var chromium = HeadlessChromium.Require();
        _emulator = await StandaloneEmulator.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(15) };
        // Nothing listens at the app's callback: the browser's request to it is answered by a route below.
        _redirectUri = Loopback.Url(Loopback.FreePort()).AbsoluteUri + "callback";
        var client = await InstalledApp.PostJsonAsync(http, new Uri(_emulator.ApiUrl, "__control/clients"), new { name = AppName, redirectUris = new[] { _redirectUri } }, default);
        _target = new TargetHttpClient(TimeSpan.FromSeconds(15));
        _app = InstalledApp.Client(_emulator, new(client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, _redirectUri), _target);

        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, chromium);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _target?.Dispose();
        _emulator?.Dispose();
    }

    [Test]
    public async Task An_owner_signs_in_allows_the_app_and_the_app_gets_a_code_that_buys_a_JWT()
    {
        var (page, verifier) = await OpenAuthorizationRequestAsync("owner-allows");

        await SignInAsync(page, "owner");
        (await page.Locator("h1").InnerTextAsync()).Should().Be($"Allow {AppName} to access your Klaviyo account?");
        (await page.Locator("ul.scopes li").AllInnerTextsAsync()).Should().Equal("accounts:read", "profiles:read");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForURLAsync(_redirectUri + "**");

        var callback = QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        callback["state"].Single().Should().Be("owner-allows");
        var accessToken = await ExchangeAsync(callback["code"].Single()!, verifier);
        accessToken.Should().StartWith("eyJhbGci");
        (await _app.CallApiWithTokenAsync(accessToken, "api/profiles/")).Status.Should().Be((int)HttpStatusCode.OK);
    }

    [Test]
    public async Task Deny_returns_to_the_app_with_access_denied_and_the_same_state()
    {
        var (page, _) = await OpenAuthorizationRequestAsync("owner-denies");

        await SignInAsync(page, "admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await page.WaitForURLAsync(_redirectUri + "**");

        var callback = QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        callback["error"].Single().Should().Be("access_denied");
        callback["state"].Single().Should().Be("owner-denies");
        callback.Should().NotContainKey("code");
    }

    [Test]
    public async Task An_analyst_who_signs_in_gets_the_403_page()
    {
        var (page, _) = await OpenAuthorizationRequestAsync("analyst");

        var response = await page.RunAndWaitForResponseAsync(
            () => SignInClickAsync(page, "analyst"),
            r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/oauth/authorize");
        await page.WaitForLoadStateAsync();

        response.Status.Should().Be(403);
        page.Url.Should().NotStartWith(_redirectUri, "the app never hears of a refusal to an analyst");
    }

    /// <summary>A fresh browser (no session) opens the app's authorization URL and lands on the sign-in page.</summary>
    private async Task<(IPage Page, string Verifier)> OpenAuthorizationRequestAsync(string state, BrowserNewContextOptions? options = null)
    {
        var context = await _browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.RouteAsync(_redirectUri + "**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<h1>The app's callback</h1>" }));
        var request = _app.Authorization(state: state, scope: Scope);
        await page.GotoAsync(request.Url.AbsoluteUri);

        new Uri(page.Url).AbsolutePath.Should().Be("/login", "a browser without a session is sent to sign in");
        return (page, request.CodeVerifier);
    }

    private static async Task SignInAsync(IPage page, string role)
    {
        await SignInClickAsync(page, role);
        await page.WaitForURLAsync("**/oauth/authorize?**");
    }

    private static async Task SignInClickAsync(IPage page, string role)
    {
        await page.Locator("select[name=role]").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private async Task<string> ExchangeAsync(string code, string verifier)
    {
        var exchange = await _app.ExchangeCodeAsync(code, verifier);
        return (TokenSet.Issued(exchange) ?? throw new InvalidOperationException($"The code exchange answered {exchange.Status}, not tokens.")).AccessToken!;
    }
}
