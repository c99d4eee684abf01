using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Speaks to POST /oauth/token as an app would — correctly, or in each of the ways the guide says apps get it wrong.</summary>
public sealed class TokenEndpointDriver(TargetExchanges target, AppClient client, Baselines baselines)
{
    /// <summary>
    /// Refreshes with the token. Within the refresh budget of a hand-configured target unless
    /// <paramref name="beyondTheBudget"/>: only the rate-limit scenario exceeds it, on purpose.
    /// </summary>
    public async Task<HttpExchange> RefreshAsync(string? refreshToken, ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader, bool beyondTheBudget = false)
    {
        if (refreshToken is not null && !beyondTheBudget)
        {
            await target.SpendRefreshAsync(refreshToken);
        }

        target.Protect(refreshToken);
        return await client.Registered.RefreshAsync(refreshToken, new RequestFaults { Credentials = credentials });
    }

    /// <summary>Uses one refresh token <paramref name="times"/> times in a row, each of which must succeed: the run-up to the rate limit.</summary>
    public async Task RefreshRepeatedlyAsync(string refreshToken, int times)
    {
        for (var i = 1; i <= times; i++)
        {
            baselines.Require(await RefreshAsync(refreshToken, beyondTheBudget: true), 200, $"refresh {i} of {times} within a minute succeeds (the limit allows 10)");
        }
    }

    public Task<HttpExchange> ExchangeCodeAsync(string code, string codeVerifier) => client.Registered.ExchangeCodeAsync(code, codeVerifier);

    /// <summary>Sends a token request with the given body and credentials, as a form (or as JSON, the mistake the guide warns of).</summary>
    public Task<HttpExchange> SendAsync(FormBody body, ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader, bool asJson = false, bool toWebHost = false)
    {
        target.Protect(body.Fields.FirstOrDefault(f => f.Key == "refresh_token").Value);
        var faults = new RequestFaults { Credentials = credentials, BodyAsJson = asJson, ToWebHost = toWebHost };
        var sender = client.Sending(faults);
        return sender.SendAsync(sender.TokenRequest(body, faults));
    }
}
