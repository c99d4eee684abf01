using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Speaks to POST /oauth/token as an app would — correctly, or in each of the ways the guide says apps get it wrong.</summary>
public sealed class TokenEndpointDriver(TargetExchanges target, AppUnderTest app, Baselines baselines)
{
    public const string Path = "oauth/token";

    /// <summary>
    /// Refreshes with the token. Within the refresh budget of a hand-configured target unless
    /// <paramref name="beyondTheBudget"/>: only the rate-limit scenario exceeds it, on purpose.
    /// </summary>
    public async Task<HttpExchange> RefreshAsync(string? refreshToken, ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader, bool beyondTheBudget = false)
    {
        var body = FormBody.Of(("grant_type", "refresh_token"));
        if (refreshToken is null)
        {
            return await SendAsync(body, credentials);
        }

        if (!beyondTheBudget)
        {
            await target.SpendRefreshAsync(refreshToken);
        }

        return await SendAsync(body.With("refresh_token", refreshToken), credentials);
    }

    /// <summary>Uses one refresh token <paramref name="times"/> times in a row, each of which must succeed: the run-up to the rate limit.</summary>
    public async Task RefreshRepeatedlyAsync(string refreshToken, int times)
    {
        for (var i = 1; i <= times; i++)
        {
            baselines.Require(await RefreshAsync(refreshToken, beyondTheBudget: true), 200, $"refresh {i} of {times} within a minute succeeds (the limit allows 10)");
        }
    }

    public Task<HttpExchange> ExchangeCodeAsync(string code, string codeVerifier) =>
        SendAsync(FormBody.Of(
            ("grant_type", "authorization_code"),
            ("code", code),
            ("code_verifier", codeVerifier),
            ("redirect_uri", Registration.RequiredRedirectUri)));

    /// <summary>Sends a token request with the given body and credentials, as a form (or as JSON, the mistake the guide warns of).</summary>
    public Task<HttpExchange> SendAsync(FormBody body, ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader, bool asJson = false, bool toWebHost = false)
    {
        target.Protect(body.Fields.FirstOrDefault(f => f.Key == "refresh_token").Value);
        var request = new OutgoingRequest(HttpMethod.Post, toWebHost ? target.Web(Path) : target.Api(Path));
        return target.SendAsync(Authenticated(request, body, credentials, asJson, toWebHost));
    }

    internal OutgoingRequest Authenticated(OutgoingRequest request, FormBody body, ClientCredentialStyle credentials, bool asJson, bool toWebHost = false)
    {
        // To the web host the request goes with placeholder credentials: the scenario needs no app there.
        var registration = toWebHost ? MistypedTokens.PlaceholderApp : Registration;
        var withCredentials = body.With(ClientCredentials.BodyFields(registration, credentials));
        request = asJson
            ? request.WithBody(withCredentials.EncodeAsJson(), "application/json")
            : request.WithBody(withCredentials.Encode(), FormBody.MediaType);
        return ClientCredentials.AuthorizationHeader(registration, credentials) is { } header
            ? request.WithHeader("Authorization", header)
            : request;
    }

    private Klaviyo.OAuth.Conformance.Targets.AppRegistration Registration =>
        app.Registration ?? throw new InvalidOperationException("The scenario has no app yet: start it with 'Given an app registered with the target'.");
}
