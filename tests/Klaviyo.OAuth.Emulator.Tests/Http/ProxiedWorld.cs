using System.Net;
using System.Text.Json;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>An upstream emulator with an app and a signed-in owner, and an emulator proxying both hosts to it.</summary>
internal sealed class ProxiedWorld : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
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
        var query = $"response_type=code&client_id={Client.ClientId}&redirect_uri={Uri.EscapeDataString(Scenario.RedirectUri)}&scope={Uri.EscapeDataString(scope)}"
            + $"&state=st&code_challenge_method=S256&code_challenge={Scenario.Challenge}&decision=allow";
        using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(Proxy.WebBaseUrl, "oauth/authorize"))
        {
            Content = new StringContent(query, System.Text.Encoding.UTF8, Scenario.Form),
        };
        approve.Headers.Add("Cookie", $"{_session.CookieName}={_session.CookieValue}");
        using var approval = await _http.SendAsync(approve);
        approval.StatusCode.Should().Be(HttpStatusCode.Found);
        var code = Uri.UnescapeDataString(approval.Headers.Location!.Query.Split("code=")[1].Split('&')[0]);
        using var exchange = await Token(Scenario.CodeExchangeBody(code));
        exchange.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync()).RootElement;
        return (json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!);
    }

    public Task<HttpResponseMessage> Refresh(string refreshToken) => Token(Scenario.RefreshBody(refreshToken));

    public async Task<HttpResponseMessage> CallApi(string accessToken, string path = "api/accounts/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Proxy.ApiBaseUrl, path));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
        request.Headers.Add("revision", Scenario.Revision);
        return await _http.SendAsync(request);
    }

    public void Dispose()
    {
        _http.Dispose();
        Proxy.Dispose();
        Upstream.Dispose();
    }

    private async Task<HttpResponseMessage> Token(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Proxy.ApiBaseUrl, "oauth/token"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, Scenario.Form),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Scenario.BasicOf(Client.ClientId, Client.ClientSecret));
        return await _http.SendAsync(request);
    }
}
