using System.Net;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>An upstream emulator with an app and a signed-in owner, and an emulator proxying both hosts to it.</summary>
internal sealed class ProxiedWorld : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly TargetHttpClient _target = new(TimeSpan.FromSeconds(30));
    private readonly SignedInSession _session;

    public ProxiedWorld(string? recordTo = null)
    {
        Upstream = KlaviyoEmulator.Start();
        Proxy = KlaviyoEmulator.Start(new EmulatorOptions
        {
            UpstreamApiUrl = Upstream.ApiBaseUrl.AbsoluteUri,
            UpstreamWebUrl = Upstream.WebBaseUrl.AbsoluteUri,
            RecordDirectory = recordTo,
        });
        Client = Upstream.RegisterClient([Scenario.RedirectUri]);
        _session = Upstream.SignIn(Upstream.CreateUser(Upstream.CreateAccount(allowlisted: true), UserRole.Owner));
    }

    public KlaviyoEmulator Upstream { get; }

    public KlaviyoEmulator Proxy { get; }

    public EmulatedClient Client { get; }

    public async Task<(string AccessToken, string RefreshToken)> ObtainTokens(string scope = "accounts:read")
    {
        var tokens = await new InstalledApp(Proxy, Client, _target, $"{_session.CookieName}={_session.CookieValue}", scope).ObtainTokensAsync();
        return (tokens.AccessToken!, tokens.RefreshToken);
    }

    public Task<HttpResponseMessage> Refresh(string refreshToken) => Post("oauth/token", Scenario.RefreshBody(refreshToken));

    public Task<HttpResponseMessage> CallApi(string accessToken, string path = "api/accounts/") => Get(path, accessToken);

    /// <summary>A GET to the proxy's API host, with a bearer token and a revision header when given.</summary>
    public async Task<HttpResponseMessage> Get(string path, string? accessToken, string? revision = Scenario.Revision)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Proxy.ApiBaseUrl, path));
        if (accessToken is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
        }

        if (revision is not null)
        {
            request.Headers.Add("revision", revision);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>Revokes a token at the upstream, through the proxy, as the app (or as <paramref name="app"/>).</summary>
    public Task<HttpResponseMessage> Revoke(string token, EmulatedClient? app = null) => Post("oauth/revoke", "token=" + Uri.EscapeDataString(token), app);

    public void Dispose()
    {
        _http.Dispose();
        _target.Dispose();
        Proxy.Dispose();
        Upstream.Dispose();
    }

    private async Task<HttpResponseMessage> Post(string path, string body, EmulatedClient? app = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Proxy.ApiBaseUrl, path))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, Scenario.Form),
        };
        var client = app ?? Client;
        request.Headers.TryAddWithoutValidation("Authorization", Scenario.BasicOf(client.ClientId, client.ClientSecret));
        return await _http.SendAsync(request);
    }
}
