using System.Net;
using System.Text;
using Klaviyo.OAuth.Emulator.Tests.Model;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// One test's world on the shared emulator: its own client, allowlisted account and signed-in
/// owner, and the requests a client app would send, with full control of headers and bodies.
/// </summary>
internal sealed class Scenario
{
    public const string Form = "application/x-www-form-urlencoded";
    public const string RedirectUri = ModelBuilder.RedirectUri;
    public const string Verifier = ModelBuilder.Verifier;
    public const string Challenge = ModelBuilder.Challenge;

    public const string Revision = "2024-10-15";

    public Scenario(UserRole role = UserRole.Owner, bool allowlisted = true, string scope = "accounts:read")
    {
        Scope = scope;
        Client = Emulator.RegisterClient();
        AccountId = Emulator.CreateAccount(allowlisted);
        Session = Emulator.SignIn(Emulator.CreateUser(AccountId, role));
    }

    public static KlaviyoEmulator Emulator => SharedEmulator.Emulator;

    private InstalledApp App => new(Emulator, Client, SharedEmulator.Target, Cookie, Scope);

    public EmulatedClient Client { get; }

    public string AccountId { get; }

    /// <summary>The scopes the app asks for when it is approved.</summary>
    public string Scope { get; }

    public SignedInSession Session { get; }

    public string Cookie => $"{Session.CookieName}={Session.CookieValue}";

    public string Basic => BasicOf(Client.ClientId, Client.ClientSecret);

    public static string BasicOf(string id, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}"));

    public static Uri Api(string pathAndQuery) => new(Emulator.ApiBaseUrl, pathAndQuery);

    public static Uri Web(string pathAndQuery) => new(Emulator.WebBaseUrl, pathAndQuery);

    public static async Task<HttpResponseMessage> Send(
        HttpMethod method, Uri uri, string? authorization = null, string? body = null, string? contentType = null, string? cookie = null) =>
        await SendBytes(method, uri, authorization, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, cookie);

    public static async Task<HttpResponseMessage> SendBytes(
        HttpMethod method, Uri uri, string? authorization, byte[]? body, string? contentType, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return await SharedEmulator.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Token(string body, string? authorization = "", string contentType = Form) =>
        Send(HttpMethod.Post, Api("oauth/token"), authorization == "" ? Basic : authorization, body, contentType);

    public Task<HttpResponseMessage> Revoke(string body, string? authorization = "", string contentType = Form) =>
        Send(HttpMethod.Post, Api("oauth/revoke"), authorization == "" ? Basic : authorization, body, contentType);

    /// <summary>Calls the API as Klaviyo's SDKs do, with a revision header unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> CallApi(string? authorization, string path = "api/accounts/", string? revision = Revision)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Api(path));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        }

        if (revision is not null)
        {
            request.Headers.TryAddWithoutValidation("revision", revision);
        }

        return await SharedEmulator.Http.SendAsync(request);
    }

    public string AuthorizeQuery(string challenge = Challenge, string state = "st-123") =>
        $"response_type=code&client_id={Client.ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope={Uri.EscapeDataString(Scope)}"
        + $"&state={state}&code_challenge_method=S256&code_challenge={challenge}";

    /// <summary>An owner's approval of the app as the reference client sends it; the code.</summary>
    public Task<string> Approve(string challenge = Challenge) => App.ApproveAsync(challenge);

    public async Task<(string AccessToken, string RefreshToken)> ObtainTokens()
    {
        var tokens = await App.ObtainTokensAsync();
        return (tokens.AccessToken!, tokens.RefreshToken);
    }

    public static string CodeExchangeBody(string code, string verifier = Verifier) =>
        $"grant_type=authorization_code&code={Uri.EscapeDataString(code)}&code_verifier={verifier}&redirect_uri={Uri.EscapeDataString(RedirectUri)}";

    public static string RefreshBody(string refreshToken) => "grant_type=refresh_token&refresh_token=" + Uri.EscapeDataString(refreshToken);
}

internal static class ResponseExpectations
{
    /// <summary>Asserts the status and the exact body.</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode status, string body)
    {
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Be(body);
        response.StatusCode.Should().Be(status);
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
