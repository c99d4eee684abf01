using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// One OAuth app talking to an embedded emulator over loopback HTTP, as a scenario's driver does:
/// its own registration, an owner who approves it, and the token, authorize and API requests it sends.
/// </summary>
internal sealed class LoopbackApp
{
    public const string RedirectUri = "http://127.0.0.1/callback";
    private const string Form = "application/x-www-form-urlencoded";

    // 43..128 characters of [A-Za-z0-9-._~], as RFC 7636 and the guide require.
    public const string Verifier = "benchmark-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

    /// <summary>BASE64URL(SHA256(<see cref="Verifier"/>)): the S256 challenge an app sends to /oauth/authorize.</summary>
    public static readonly string Challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>
    /// At most 10 refreshes per token per minute: moving the app's clock this far before each refresh
    /// keeps any 60 s window at 9 uses, so every measured refresh is a granted one, never a 429.
    /// </summary>
    public static readonly TimeSpan RefreshSpacing = TimeSpan.FromSeconds(7);

    private readonly KlaviyoEmulator _emulator;
    private readonly HttpClient _http;
    private readonly string _cookie;
    private readonly string _authorizeBody;

    public LoopbackApp(KlaviyoEmulator emulator, HttpClient http)
    {
        _emulator = emulator;
        _http = http;
        Client = emulator.RegisterClient([RedirectUri]);
        var session = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        _cookie = $"{session.CookieName}={session.CookieValue}";
        Basic = BasicOf(Client.ClientId, Client.ClientSecret);
        _authorizeBody = $"response_type=code&client_id={Client.ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
            + $"&scope=accounts%3Aread&state=bench&code_challenge_method=S256&code_challenge={Challenge}&decision=allow";
    }

    public EmulatedClient Client { get; }

    public string Basic { get; }

    /// <summary>A client that never follows the authorize redirect and sends cookies only when told to.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false });

    public static string BasicOf(string id, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}"));

    public static string RefreshBody(string refreshToken) => "grant_type=refresh_token&refresh_token=" + Uri.EscapeDataString(refreshToken);

    public static string CodeExchangeBody(string code) =>
        $"grant_type=authorization_code&code={Uri.EscapeDataString(code)}&code_verifier={Verifier}&redirect_uri={Uri.EscapeDataString(RedirectUri)}";

    /// <summary>The owner approves the app (POST /oauth/authorize, decision=allow); returns the code from the redirect.</summary>
    public async Task<string> ApproveAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, new Uri(_emulator.WebBaseUrl, "oauth/authorize"), body: _authorizeBody, cookie: _cookie);
        await ExpectAsync(response, HttpStatusCode.Found);
        var query = response.Headers.Location!.Query.TrimStart('?');
        var code = query.Split('&').First(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..];
        return Uri.UnescapeDataString(code);
    }

    /// <summary>Approval and code exchange: the tokens every scenario that needs them starts with.</summary>
    public async Task<(string AccessToken, string RefreshToken)> ObtainTokensAsync()
    {
        using var response = await TokenAsync(CodeExchangeBody(await ApproveAsync()));
        using var json = JsonDocument.Parse(await ExpectAsync(response, HttpStatusCode.OK));
        return (json.RootElement.GetProperty("access_token").GetString()!, json.RootElement.GetProperty("refresh_token").GetString()!);
    }

    public Task<HttpResponseMessage> TokenAsync(string body, string? authorization = null) =>
        SendAsync(HttpMethod.Post, new Uri(_emulator.ApiBaseUrl, "oauth/token"), authorization ?? Basic, body);

    public Task<HttpResponseMessage> CallApiAsync(string accessToken) =>
        SendAsync(HttpMethod.Get, new Uri(_emulator.ApiBaseUrl, "api/accounts/"), "Bearer " + accessToken);

    /// <summary>Reads the body, as the suite's driver does, and fails the benchmark if the status is not the one measured.</summary>
    public static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == status
            ? body
            : throw new InvalidOperationException($"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string? authorization = null, string? body = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        // Klaviyo's API requires a revision header; the emulator refuses calls without one.
        request.Headers.TryAddWithoutValidation("revision", "2024-10-15");

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, Form);
        }

        return await _http.SendAsync(request);
    }
}
