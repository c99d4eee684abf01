using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide.Protocol;
using Klaviyo.OAuth.Guide.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>
/// A small app that integrates with Klaviyo the way the guide says: Basic client authentication,
/// form bodies, S256 PKCE with a state, Bearer API calls; it refreshes when the API says
/// authentication_failed, waits out a 429 and a 503, and asks the customer to reauthorize after
/// invalid_grant. Each misbehaving app overrides ONE of these habits. Its HttpClient records its
/// traffic; waiting moves the shared fake clock, so the emulator and the record agree on time.
/// </summary>
internal class ReferenceApp : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _verifier = Pkce.GenerateVerifier(43);

    public ReferenceApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client)
    {
        Emulator = emulator;
        Time = time;
        Client = client;
        Recorder = new TrafficRecorder(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, time);
        _http = new HttpClient(Recorder);
    }

    public KlaviyoEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public EmulatedClient Client { get; }

    public TrafficRecorder Recorder { get; }

    public string? AccessToken { get; protected set; }

    public string? RefreshToken { get; protected set; }

    /// <summary>The customer must reauthorize: the app dropped its refresh token after invalid_grant.</summary>
    public bool NeedsReauthorization { get; protected set; }

    protected virtual string ChallengeMethod => "S256";

    /// <summary>How many times a refresh is tried when the answer is 429 or 503.</summary>
    protected virtual int Tries => 3;

    /// <summary>The guide: try again after 1 minute.</summary>
    protected virtual TimeSpan PauseAfterRateLimit => TimeSpan.FromMinutes(1);

    protected virtual TimeSpan PauseAfterUnavailable(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);

    protected virtual string Challenge => ChallengeMethod == Pkce.S256 ? Pkce.ChallengeFor(_verifier) : _verifier;

    /// <summary>The code_verifier the code exchange sends for the verifier behind the challenge.</summary>
    protected virtual string VerifierSent(string verifier) => verifier;

    /// <summary>Signs the customer in (control API), opens the consent page, allows, and exchanges the code.</summary>
    public async Task<bool> Connect(string cookie)
    {
        var query = $"response_type=code&client_id={Client.ClientId}&redirect_uri={Uri.EscapeDataString(Client.RedirectUris[0])}&scope=accounts%3Aread&state=st-{Guid.NewGuid():N}&code_challenge_method={ChallengeMethod}&code_challenge={Challenge}";
        using (var page = await Send(HttpMethod.Get, Web("oauth/authorize?" + query), cookie: cookie))
        {
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }

        using var consent = await Send(HttpMethod.Post, Web("oauth/authorize"), new FormUrlEncodedContent(query.Split('&').Append("decision=allow").Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], Uri.UnescapeDataString(p[1])))), cookie: cookie);
        var code = consent.Headers.Location is { } location ? Parameter(location.Query, "code") : null;
        return code is not null && await Tokens($"grant_type=authorization_code&code={Uri.EscapeDataString(code)}&code_verifier={Uri.EscapeDataString(VerifierSent(_verifier))}&redirect_uri={Uri.EscapeDataString(Client.RedirectUris[0])}");
    }

    /// <summary>Calls the API; on authentication_failed refreshes once and calls again.</summary>
    public virtual async Task<HttpStatusCode> CallApi()
    {
        using var response = await SendApi();
        if (response.StatusCode == HttpStatusCode.Unauthorized && await Refresh())
        {
            using var again = await SendApi();
            return again.StatusCode;
        }

        return response.StatusCode;
    }

    /// <summary>Refreshes; after 429 or 503 waits as told and tries again (at most three times); after invalid_grant stops.</summary>
    public virtual async Task<bool> Refresh()
    {
        for (var attempt = 0; attempt < Tries && RefreshToken is not null; attempt++)
        {
            using var response = await Send(HttpMethod.Post, Api("oauth/token"), Form($"grant_type=refresh_token&refresh_token={Uri.EscapeDataString(RefreshToken)}"));
            if (response.IsSuccessStatusCode)
            {
                await Keep(response);
                return true;
            }

            if (await ErrorOf(response) == "invalid_grant")
            {
                RefreshToken = null;
                NeedsReauthorization = true;
                return false;
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                Wait(response.StatusCode == HttpStatusCode.TooManyRequests ? PauseAfterRateLimit : PauseAfterUnavailable(response));
            }
        }

        return false;
    }

    public async Task Revoke()
    {
        using var response = await Send(HttpMethod.Post, Api("oauth/revoke"), Form($"token={Uri.EscapeDataString(RefreshToken!)}&token_type_hint=refresh_token"));
    }

    public IReadOnlyList<RecordedExchange> Traffic => Recorder.Exchanges;

    public void Dispose()
    {
        _http.Dispose();
        Recorder.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Wait(TimeSpan time) => Time.Advance(time);

    protected virtual Task<HttpResponseMessage> SendApi() =>
        Send(HttpMethod.Get, Api("api/accounts/"), authorization: new AuthenticationHeaderValue("Bearer", AccessToken));

    protected virtual HttpContent Form(string body) => new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    protected virtual AuthenticationHeaderValue? ClientAuthentication =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Client.ClientId}:{Client.ClientSecret}")));

    protected async Task<HttpResponseMessage> Send(HttpMethod method, Uri url, HttpContent? body = null, AuthenticationHeaderValue? authorization = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        if (url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Headers.Add("revision", "2025-10-15"); // Klaviyo's API requires a revision on every call
        }

        request.Headers.Authorization = authorization ?? (url.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal) && url.Host == Emulator.ApiBaseUrl.Host && url.Port == Emulator.ApiBaseUrl.Port ? ClientAuthentication : null);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _http.SendAsync(request);
    }

    protected Uri Api(string path) => new(Emulator.ApiBaseUrl, path);

    protected Uri Web(string path) => new(Emulator.WebBaseUrl, path);

    protected static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<bool> Tokens(string body)
    {
        using var response = await Send(HttpMethod.Post, Api("oauth/token"), Form(body));
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        await Keep(response);
        return true;
    }

    private async Task Keep(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AccessToken = json.RootElement.GetProperty("access_token").GetString();
        if (json.RootElement.TryGetProperty("refresh_token", out var refresh))
        {
            RefreshToken = refresh.GetString();
        }
    }

    private static string? Parameter(string query, string name) =>
        query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
}
