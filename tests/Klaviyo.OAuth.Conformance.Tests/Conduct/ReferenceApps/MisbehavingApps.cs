using System.Net;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>After invalid_grant, keeps the refresh token and tries it again later.</summary>
internal sealed class KeepsRefreshingRevokedApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    public override async Task<bool> Refresh()
    {
        var token = RefreshToken;
        var refreshed = await base.Refresh();
        if (!refreshed && NeedsReauthorization)
        {
            RefreshToken = token;
            NeedsReauthorization = false;
        }

        return refreshed;
    }
}

/// <summary>After a 429, tries the same refresh token again a second later.</summary>
internal sealed class HammersAfterRateLimitApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    protected override TimeSpan PauseAfterRateLimit => TimeSpan.FromSeconds(1);
}

/// <summary>Retries a 503 in a tight loop, ignoring Retry-After, many times over.</summary>
internal sealed class RetriesUnavailableInALoopApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    protected override int Tries => 8;

    protected override TimeSpan PauseAfterUnavailable(HttpExchange answer) => TimeSpan.FromMilliseconds(20);
}

/// <summary>Sends the client id and secret in the form body instead of the Basic header.</summary>
internal sealed class SecretInFormBodyApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    protected override RequestFaults Faults => new() { Credentials = ClientCredentialStyle.InFormBody };
}

/// <summary>Uses plain PKCE: the challenge is the verifier itself.</summary>
internal sealed class PlainPkceApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    protected override AuthorizationRequest Authorization(AuthorizationRequest conforming) =>
        conforming with { CodeChallengeMethod = "plain", CodeChallenge = conforming.CodeVerifier };
}

/// <summary>After authentication_failed, repeats the API call with the same access token.</summary>
internal sealed class RepeatsFailedCallApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    public override async Task<HttpStatusCode> CallApi()
    {
        var first = await SendApi();
        if (first.Status != (int)HttpStatusCode.Unauthorized)
        {
            return (HttpStatusCode)first.Status;
        }

        return (HttpStatusCode)(await SendApi()).Status;
    }
}

/// <summary>Writes the scheme in lower case: "bearer &lt;token&gt;".</summary>
internal sealed class LowercaseBearerApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
{
    protected override Task<HttpExchange> SendApi() => Reference.CallApiAsync("bearer " + AccessToken);
}
