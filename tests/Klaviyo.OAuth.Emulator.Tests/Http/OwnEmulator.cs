using System.Text.Json;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>An app on an emulator of the test's own (its own options or clock), not the shared one.</summary>
internal static class OwnEmulator
{
    /// <summary>The client HTTP-level tests send with: exactly what a test says, no redirects followed, no cookies kept, no proxy.</summary>
    public static HttpClient Client()
    {
#pragma warning disable CA2000 // The handler is disposed with the client.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }, disposeHandler: true);
#pragma warning restore CA2000
    }

    /// <summary>An owner approves the app on another emulator than the shared one, and the app exchanges the code.</summary>
    public static async Task<string> AccessToken(KlaviyoEmulator emulator, HttpClient http, string scope)
    {
        var client = emulator.RegisterClient();
        var session = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.WebBaseUrl, "oauth/authorize"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["response_type"] = "code", ["client_id"] = client.ClientId, ["redirect_uri"] = Scenario.RedirectUri, ["scope"] = scope,
                ["code_challenge_method"] = "S256", ["code_challenge"] = Scenario.Challenge, ["decision"] = "allow",
            }),
        };
        approve.Headers.Add("Cookie", $"{session.CookieName}={session.CookieValue}");
        using var approval = await http.SendAsync(approve);
        var code = Uri.UnescapeDataString(approval.Headers.Location!.Query.Split("code=")[1].Split('&')[0]);
        using var exchange = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseUrl, "oauth/token"))
        {
            Content = new StringContent(Scenario.CodeExchangeBody(code), System.Text.Encoding.UTF8, Scenario.Form),
        };
        exchange.Headers.TryAddWithoutValidation("Authorization", Scenario.BasicOf(client.ClientId, client.ClientSecret));
        using var tokens = await http.SendAsync(exchange);
        return JsonDocument.Parse(await tokens.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<JsonElement> Get(KlaviyoEmulator emulator, HttpClient http, string token, string path, string? revision)
    {
        using var response = await Send(emulator, http, token, path, revision);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>GET on the API as an app does, with the token and (unless null) the revision.</summary>
    public static async Task<HttpResponseMessage> Send(KlaviyoEmulator emulator, HttpClient http, string token, string path, string? revision = Scenario.Revision)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseUrl, path));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (revision is not null)
        {
            request.Headers.Add("revision", revision);
        }

        return await http.SendAsync(request);
    }
}
