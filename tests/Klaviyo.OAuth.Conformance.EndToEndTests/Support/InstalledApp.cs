using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>An app registered with a target and the tokens an owner granted it: what a user configures for a target without a control API.</summary>
public sealed record InstalledApp(string ClientId, string ClientSecret, string RedirectUri, string AccessToken, string RefreshToken)
{
    /// <summary>The account of the owner who granted the tokens.</summary>
    public string AccountId { get; init; } = string.Empty;

    /// <summary>The value of the Basic Authorization header the app sends.</summary>
    public string BasicCredentials => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));

    /// <summary>The values that must never appear in any output of a run.</summary>
    public IReadOnlyDictionary<string, string> Secrets => new Dictionary<string, string>
    {
        ["client secret"] = ClientSecret,
        ["refresh token"] = RefreshToken,
        ["access token"] = AccessToken,
        ["Basic credentials"] = BasicCredentials,
    };

    /// <summary>
    /// Installs an app on the standalone emulator as a person would once by hand: registers it
    /// (control API), signs an owner of an allowlisted account in, approves the consent page
    /// (GET then POST /oauth/authorize with the session cookie) and exchanges the code with a PKCE
    /// verifier at POST /oauth/token.
    /// </summary>
    public static async Task<InstalledApp> InstallAsync(StandaloneEmulator emulator, string redirectUri = "http://127.0.0.1/callback", CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(15) };
        var control = new Uri(emulator.ApiUrl, "__control/");

        var client = await PostJsonAsync(http, new Uri(control, "clients"), new { redirectUris = new[] { redirectUri } }, cancellationToken);
        var clientId = client.GetProperty("clientId").GetString()!;
        var clientSecret = client.GetProperty("clientSecret").GetString()!;
        var accountId = (await PostJsonAsync(http, new Uri(control, "accounts"), new { allowlisted = true }, cancellationToken)).GetProperty("accountId").GetString()!;
        var userId = (await PostJsonAsync(http, new Uri(control, "users"), new { accountId, role = "owner" }, cancellationToken)).GetProperty("userId").GetString()!;
        var session = await PostJsonAsync(http, new Uri(control, "sessions"), new { userId }, cancellationToken);
        var cookie = $"{session.GetProperty("cookieName").GetString()}={session.GetProperty("cookieValue").GetString()}";

        var verifier = NewVerifier();
        var authorize = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = "accounts:read",
            ["state"] = "end-to-end",
            ["code_challenge"] = S256Challenge(verifier),
            ["code_challenge_method"] = "S256",
        };
        var authorizeUrl = new Uri(emulator.WebUrl, "oauth/authorize");
        using (var consent = new HttpRequestMessage(HttpMethod.Get, QueryHelpers.AddQueryString(authorizeUrl.AbsoluteUri, authorize)))
        {
            consent.Headers.Add("Cookie", cookie);
            using var page = await http.SendAsync(consent, cancellationToken);
            Expect(page, HttpStatusCode.OK, "GET /oauth/authorize (the consent page)");
        }

        string code;
        using (var approve = new HttpRequestMessage(HttpMethod.Post, authorizeUrl) { Content = new FormUrlEncodedContent(authorize.Append(new("decision", "allow"))) })
        {
            approve.Headers.Add("Cookie", cookie);
            using var redirect = await http.SendAsync(approve, cancellationToken);
            Expect(redirect, HttpStatusCode.Found, "POST /oauth/authorize (allow)");
            code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].Single()!;
        }

        var tokens = await ExchangeCodeAsync(http, emulator.ApiUrl, (clientId, clientSecret, redirectUri), code, verifier, cancellationToken);
        return new InstalledApp(
            clientId,
            clientSecret,
            redirectUri,
            tokens.GetProperty("access_token").GetString()!,
            tokens.GetProperty("refresh_token").GetString()!) { AccountId = accountId };
    }

    /// <summary>The app's side of the code exchange: POST /oauth/token with Basic credentials and the PKCE verifier; the token response.</summary>
    public static async Task<JsonElement> ExchangeCodeAsync(
        HttpClient http, Uri apiUrl, (string ClientId, string ClientSecret, string RedirectUri) app, string code, string verifier, CancellationToken cancellationToken = default)
    {
        using var exchange = new HttpRequestMessage(HttpMethod.Post, new Uri(apiUrl, "oauth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = app.RedirectUri,
                ["code_verifier"] = verifier,
            }),
        };
        exchange.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret}")));
        using var tokens = await http.SendAsync(exchange, cancellationToken);
        Expect(tokens, HttpStatusCode.OK, "POST /oauth/token (authorization_code)");
        using var json = JsonDocument.Parse(await tokens.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.Clone();
    }

    /// <summary>A fresh PKCE verifier (32 random bytes, base64url).</summary>
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string S256Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    internal static async Task<JsonElement> PostJsonAsync(HttpClient http, Uri url, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
        Expect(response, HttpStatusCode.Created, "POST " + url.AbsolutePath);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.Clone();
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)status}, while installing an app on the standalone emulator.");
        }
    }
}
