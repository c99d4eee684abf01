using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Protocol;
using NUnit.Framework;

namespace EmulatorConsumer;

/// <summary>
/// What an integration's own tests do with the packaged emulator: start a Klaviyo in-process, as
/// they would a WireMock server, install their app on it, and call the API with the token.
/// </summary>
public class ConnectKlaviyoTests
{
    private const string RedirectUri = "http://127.0.0.1/callback";

    [Test]
    public async Task The_app_is_installed_and_reads_profiles_with_its_access_token()
    {
        using var klaviyo = KlaviyoEmulator.Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        var accessToken = await InstallAsync(klaviyo, http, "accounts:read profiles:read");
        using var response = await GetAsync(klaviyo, http, accessToken, "api/profiles/");

        Assert.That(accessToken, Does.StartWith("eyJhbGci"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("data").GetArrayLength(), Is.EqualTo(20));
    }

    [Test]
    public async Task An_expired_access_token_fails_authentication()
    {
        using var klaviyo = KlaviyoEmulator.Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var accessToken = await InstallAsync(klaviyo, http, "accounts:read");

        klaviyo.AdvanceClock(TimeSpan.FromHours(2));
        using var response = await GetAsync(klaviyo, http, accessToken, "api/accounts/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("authentication_failed"));
    }

    private static async Task<string> InstallAsync(KlaviyoEmulator klaviyo, HttpClient http, string scope)
    {
        var app = klaviyo.RegisterClient([RedirectUri], name: "My integration");
        var owner = klaviyo.SignIn(klaviyo.CreateUser(klaviyo.CreateAccount(allowlisted: true), UserRole.Owner));
        var verifier = Pkce.GenerateVerifier();

        using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(klaviyo.WebBaseUrl, "oauth/authorize"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["response_type"] = "code",
                ["client_id"] = app.ClientId,
                ["redirect_uri"] = RedirectUri,
                ["scope"] = scope,
                ["state"] = "consumer",
                ["code_challenge_method"] = Pkce.S256,
                ["code_challenge"] = Pkce.ChallengeFor(verifier),
                ["decision"] = "allow",
            }),
        };
        approve.Headers.Add("Cookie", $"{owner.CookieName}={owner.CookieValue}");
        using var redirect = await http.SendAsync(approve);
        var code = redirect.Headers.Location!.Query.TrimStart('?').Split('&').First(p => p.StartsWith("code=", StringComparison.Ordinal))[5..];

        using var exchange = new HttpRequestMessage(HttpMethod.Post, new Uri(klaviyo.ApiBaseUrl, "oauth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = Uri.UnescapeDataString(code),
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = verifier,
            }),
        };
        exchange.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret}")));
        using var tokens = await http.SendAsync(exchange);
        using var json = JsonDocument.Parse(await tokens.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> GetAsync(KlaviyoEmulator klaviyo, HttpClient http, string accessToken, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(klaviyo.ApiBaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("revision", "2024-10-15");
        return http.SendAsync(request);
    }
}
