using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>An app registered with a target and the tokens an owner granted it: what a user configures for a target without a control API.</summary>
public sealed record InstalledApp(string ClientId, string ClientSecret, string RedirectUri, string AccessToken, string RefreshToken)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The account of the owner who granted the tokens.</summary>
    public string AccountId { get; init; } = string.Empty;

    public AppRegistration Registration => new(ClientId, ClientSecret, RedirectUri);

    /// <summary>The value of the Basic Authorization header the app sends.</summary>
    public string BasicCredentials => ClientCredentials.Base64($"{ClientId}:{ClientSecret}");

    /// <summary>The values that must never appear in any output of a run.</summary>
    public IReadOnlyDictionary<string, string> Secrets => new Dictionary<string, string>
    {
        ["client secret"] = ClientSecret,
        ["refresh token"] = RefreshToken,
        ["access token"] = AccessToken,
        ["Basic credentials"] = BasicCredentials,
    };

    /// <summary>The reference client of <paramref name="app"/> on the standalone emulator, sending through <paramref name="http"/>.</summary>
    public static ReferenceClient Client(StandaloneEmulator emulator, AppRegistration app, TargetHttpClient http) => new(app, emulator.ApiUrl, emulator.WebUrl, http);

    /// <summary>
    /// Installs an app on the standalone emulator as a person would once by hand: registers it
    /// (control API), signs an owner of an allowlisted account in, and connects the app as the
    /// reference client does (the consent page, allow, the code exchange with its PKCE verifier).
    /// </summary>
    public static async Task<InstalledApp> InstallAsync(StandaloneEmulator emulator, string redirectUri = "http://127.0.0.1/callback", CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout };
        var control = new Uri(emulator.ApiUrl, "__control/");

        var client = await PostJsonAsync(http, new Uri(control, "clients"), new { redirectUris = new[] { redirectUri } }, cancellationToken);
        var registration = new AppRegistration(client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, redirectUri);
        var accountId = (await PostJsonAsync(http, new Uri(control, "accounts"), new { allowlisted = true }, cancellationToken)).GetProperty("accountId").GetString()!;
        var userId = (await PostJsonAsync(http, new Uri(control, "users"), new { accountId, role = "owner" }, cancellationToken)).GetProperty("userId").GetString()!;
        var session = await PostJsonAsync(http, new Uri(control, "sessions"), new { userId }, cancellationToken);
        var cookie = $"{session.GetProperty("cookieName").GetString()}={session.GetProperty("cookieValue").GetString()}";

        using var target = new TargetHttpClient(Timeout);
        var connection = await Client(emulator, registration, target).ConnectAsync(cookie, cancellationToken: cancellationToken);
        var tokens = connection.Tokens
            ?? throw new InvalidOperationException($"Connecting the app ended with {connection.Last}, not tokens, while installing an app on the standalone emulator.");
        return new InstalledApp(registration.ClientId, registration.ClientSecret, redirectUri, tokens.AccessToken!, tokens.RefreshToken) { AccountId = accountId };
    }

    /// <summary>The app refreshes its access token with its refresh token, as the reference client does (or with <paramref name="faults"/>); the status it got.</summary>
    public async Task<HttpStatusCode> RefreshAsync(StandaloneEmulator emulator, RequestFaults? faults = null)
    {
        using var target = new TargetHttpClient(Timeout);
        var exchange = await Client(emulator, Registration, target).RefreshAsync(RefreshToken, faults);
        return (HttpStatusCode)exchange.Status;
    }

    internal static async Task<JsonElement> PostJsonAsync(HttpClient http, Uri url, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {url.AbsolutePath} answered {(int)response.StatusCode}, expected 201, while installing an app on the standalone emulator.");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.Clone();
    }
}
