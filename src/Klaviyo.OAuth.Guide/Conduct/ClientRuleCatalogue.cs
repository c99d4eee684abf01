using System.Collections.Frozen;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>Every client-conduct rule of docs/diagnosis.md, in its order.</summary>
public static class ClientRuleCatalogue
{
    private const string Guide = "Klaviyo guide: Troubleshoot OAuth errors — ";

    private static readonly ClientRule[] Entries =
    [
        new("client.basic-auth", RequirementLevel.Documented,
            "Authenticates every token and revoke request with the Basic header.",
            Guide + "You must send client authentication as the basic auth header.",
            ["token.invalid-client", "revoke.invalid-client"]),
        new("client.form-body", RequirementLevel.Documented,
            "Sends token and revoke bodies as application/x-www-form-urlencoded.",
            Guide + "Your request body is application/x-www-form-urlencoded.",
            ["token.unsupported-grant-type", "revoke.invalid-request"]),
        new("client.api-host", RequirementLevel.Documented,
            "Sends token and revoke requests to the API host, never the web host.",
            Guide + "Requests to directly klaviyo.com will fail.",
            ["token.wrong-host", "revoke.wrong-host"]),
        new("client.pkce-s256", RequirementLevel.Documented,
            "Asks for authorization with code_challenge_method=S256 and exchanges codes with a verifier that matches the pattern and hashes to the challenge.",
            Guide + "Invalid code verifier; Code challenge failed.",
            ["token.pkce.invalid-verifier", "token.pkce.challenge-failed"]),
        new("client.refresh-rate", RequirementLevel.Documented,
            "Uses one refresh token at most 10 times in any minute.",
            Guide + "A refresh token can be used 10 times per minute maximum.",
            ["token.refresh.rate-limited"]),
        new("client.after-rate-limit", RequirementLevel.Documented,
            "After a 429, does not use that refresh token again for a minute.",
            Guide + "Rate limit exceeded for refresh token. Please try again after 1 minute.",
            ["token.refresh.rate-limited"]),
        new("client.stops-after-invalid-grant", RequirementLevel.Documented,
            "After invalid_grant for a refresh token, never sends that refresh token again (the customer must reauthorize).",
            Guide + "Your customer will need to reauthorize the integration.",
            ["token.refresh.revoked", "token.refresh.not-found", "token.refresh.inactive"]),
        new("client.bearer-format", RequirementLevel.Documented,
            "Calls the API with Authorization: Bearer <access token>, exactly.",
            Guide + "The authorization header for OAuth is formatted incorrectly.",
            ["api.not-authenticated"]),
        new("client.refresh-on-auth-failure", RequirementLevel.Documented,
            "After authentication_failed, gets a new access token before calling the API again, instead of repeating the call with the same token.",
            Guide + "Please obtain a new valid access token using the refresh token.",
            ["api.authentication-failed"]),
        new("client.after-unavailable", RequirementLevel.RfcShould,
            "After a 503, waits (at least Retry-After when given) before trying the same endpoint again, and gives up after a bounded number of tries.",
            "RFC 9110 §10.2.3 (Retry-After)",
            ["token.unavailable", "revoke.unavailable", "authorize.unavailable", "api.unavailable"]),
        new("client.no-secrets-in-url", RequirementLevel.RfcMust,
            "Never puts a client secret, code, verifier or token in a URL's query string.",
            "RFC 6749 §2.3.1; RFC 6750 §2.3",
            ["token.invalid-client"]),
        new("client.state", RequirementLevel.RfcMust,
            "Sends a state on authorization requests, and the redirect it receives carries the same value.",
            "RFC 6749 §10.12",
            ["authorize.succeeds"]),
    ];

    private static readonly FrozenDictionary<string, ClientRule> ById = Entries.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>All rules, in the order of DIAGNOSIS.md.</summary>
    public static IReadOnlyList<ClientRule> All => Entries;

    /// <summary>The rule with this id, or null.</summary>
    public static ClientRule? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }
}
