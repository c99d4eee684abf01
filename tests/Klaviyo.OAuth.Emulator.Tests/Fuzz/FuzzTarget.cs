using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Tests.Fuzz;

/// <summary>An emulator of its own for the fuzz test, with a user mapping loaded, one app that holds real tokens and a signed-in owner.</summary>
internal sealed class FuzzTarget : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1/callback";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private readonly TargetHttpClient _reference = new(TimeSpan.FromSeconds(10));
    private int _answered;

    private FuzzTarget(KlaviyoEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
        emulator.RequestHandled += (_, _) => Interlocked.Increment(ref _answered);
    }

    public KlaviyoEmulator Emulator { get; }

    public HttpClient Http { get; }

    public string ClientId { get; private set; } = string.Empty;

    public string Basic { get; private set; } = string.Empty;

    public string Cookie { get; private set; } = string.Empty;

    public string AccessToken { get; private set; } = string.Empty;

    public string RefreshToken { get; private set; } = string.Empty;

    public string AuthorizeQuery =>
        $"response_type=code&client_id={ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=accounts%3Aread&state=fuzz&code_challenge_method=S256&code_challenge={Challenge}";

    /// <summary>Requests the emulator answered through its own handling (each is journaled).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static async Task<FuzzTarget> StartAsync()
    {
        var emulator = KlaviyoEmulator.Start();

        // With a user mapping loaded, every path that is not the model's own goes through
        // WireMock's request parsing and matching: the fuzzing covers that pipeline too.
        emulator.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/stubbed*"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("{}"));
        var http = Tests.Http.OwnEmulator.Client();
        http.Timeout = TimeSpan.FromSeconds(10);
        var target = new FuzzTarget(emulator, http);
        await target.NewAppAsync();
        return target;
    }

    /// <summary>A fresh app, approved by a fresh owner, with fresh tokens: what a correct client holds after setup.</summary>
    public async Task NewAppAsync()
    {
        var client = Emulator.RegisterClient([RedirectUri]);
        var session = Emulator.SignIn(Emulator.CreateUser(Emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        ClientId = client.ClientId;
        Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.ClientSecret}"));
        Cookie = $"{session.CookieName}={session.CookieValue}";

        var tokens = await new Tests.Http.InstalledApp(Emulator, client, _reference, Cookie).ObtainTokensAsync();
        AccessToken = tokens.AccessToken!;
        RefreshToken = tokens.RefreshToken;
    }

    public Task<HttpResponseMessage> RefreshAsync() =>
        TokenAsync("grant_type=refresh_token&refresh_token=" + Uri.EscapeDataString(RefreshToken));

    public void Dispose()
    {
        Http.Dispose();
        _reference.Dispose();
        Emulator.Dispose();
    }

    private Task<HttpResponseMessage> TokenAsync(string body) =>
        SendAsync(HttpMethod.Post, new Uri(Emulator.ApiBaseUrl, "oauth/token"), Basic, body, null);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string? authorization, string body, string? cookie)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        return await Http.SendAsync(request);
    }
}
