using System.Globalization;
using System.Net;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>
/// A small app that integrates with Klaviyo the way the guide says, through the reference client
/// (Basic client authentication, form bodies, S256 PKCE with a state, Bearer API calls); it
/// refreshes when the API says authentication_failed, waits out a 429 and a 503, and asks the
/// customer to reauthorize after invalid_grant. Each misbehaving app overrides ONE of these habits.
/// Its traffic is recorded; waiting moves the shared fake clock, so the emulator and the record agree on time.
/// </summary>
internal class ReferenceApp : IDisposable
{
    private readonly TargetHttpClient _http;

    public ReferenceApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client)
    {
        Emulator = emulator;
        Time = time;
        Client = client;
        Recorder = new TrafficRecorder(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, time);
        _http = new TargetHttpClient(Recorder, TimeSpan.FromSeconds(30));
        Reference = new ReferenceClient(new AppRegistration(client.ClientId, client.ClientSecret, client.RedirectUris[0]), emulator.ApiBaseUrl, emulator.WebBaseUrl, _http);
    }

    public KlaviyoEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public EmulatedClient Client { get; }

    public TrafficRecorder Recorder { get; }

    /// <summary>The reference client this app is built on.</summary>
    public ReferenceClient Reference { get; }

    public string? AccessToken { get; protected set; }

    public string? RefreshToken { get; protected set; }

    /// <summary>The customer must reauthorize: the app dropped its refresh token after invalid_grant.</summary>
    public bool NeedsReauthorization { get; protected set; }

    /// <summary>How many times a refresh is tried when the answer is 429 or 503.</summary>
    protected virtual int Tries => 3;

    /// <summary>The guide: try again after 1 minute.</summary>
    protected virtual TimeSpan PauseAfterRateLimit => TimeSpan.FromMinutes(1);

    /// <summary>How the app's token and revoke requests depart from the reference client's (none).</summary>
    protected virtual RequestFaults Faults => RequestFaults.None;

    protected virtual TimeSpan PauseAfterUnavailable(HttpExchange answer) =>
        int.TryParse(answer.Header("Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(5);

    /// <summary>The authorization request the app sends its customer to.</summary>
    protected virtual AuthorizationRequest Authorization(AuthorizationRequest conforming) => conforming;

    /// <summary>The code_verifier the code exchange sends for the verifier behind the challenge.</summary>
    protected virtual string VerifierSent(string verifier) => verifier;

    /// <summary>Signs the customer in (control API), opens the consent page, allows, and exchanges the code.</summary>
    public async Task<bool> Connect(string cookie)
    {
        var approval = await Reference.ApproveAsync(Authorization(Reference.Authorization()), cookie);
        return approval.Code is { } code
            && Keep(await Reference.ExchangeCodeAsync(code, VerifierSent(approval.Request.CodeVerifier), Faults));
    }

    /// <summary>Calls the API; on authentication_failed refreshes once and calls again.</summary>
    public virtual async Task<HttpStatusCode> CallApi()
    {
        var answer = await SendApi();
        if (answer.Status == (int)HttpStatusCode.Unauthorized && await Refresh())
        {
            answer = await SendApi();
        }

        return (HttpStatusCode)answer.Status;
    }

    /// <summary>Refreshes; after 429 or 503 waits as told and tries again (at most three times); after invalid_grant stops.</summary>
    public virtual async Task<bool> Refresh()
    {
        for (var attempt = 0; attempt < Tries && RefreshToken is not null; attempt++)
        {
            var answer = await Reference.RefreshAsync(RefreshToken, Faults);
            if (Keep(answer))
            {
                return true;
            }

            if (answer.JsonString("error") == "invalid_grant")
            {
                RefreshToken = null;
                NeedsReauthorization = true;
                return false;
            }

            if (answer.Status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable)
            {
                Wait(answer.Status == (int)HttpStatusCode.TooManyRequests ? PauseAfterRateLimit : PauseAfterUnavailable(answer));
            }
        }

        return false;
    }

    public Task Revoke() => Reference.RevokeAsync(RefreshToken!, faults: Faults);

    public IReadOnlyList<RecordedExchange> Traffic => Recorder.Exchanges;

    public void Dispose()
    {
        _http.Dispose();
        Recorder.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Wait(TimeSpan time) => Time.Advance(time);

    protected virtual Task<HttpExchange> SendApi() => Reference.CallApiWithTokenAsync(AccessToken!);

    private bool Keep(HttpExchange answer)
    {
        if (TokenSet.Issued(answer) is not { } tokens)
        {
            return false;
        }

        AccessToken = tokens.AccessToken;
        RefreshToken = tokens.RefreshToken;
        return true;
    }
}
