using System.Collections.Frozen;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// Every finding the diagnosis engine can report (docs/diagnosis.md: the tips' signs and
/// the "more findings"), each with the tip and behaviours it cites. features/diagnosis has a
/// scenario tagged with each id.
/// </summary>
public static class FindingCatalogue
{
    private const string TokenClient = "token.invalid-client";
    private const string RevokeClient = "revoke.invalid-client";
    private const string NotFound = "token.refresh.not-found";

    private static readonly FindingKind[] Entries =
    [
        new("finding-client-id-unknown", "tip.client-id", TokenClient, RevokeClient, "The client id is not one the server issued"),
        new("finding-credentials-refused", "tip.client-id", TokenClient, RevokeClient, "The server refused well-formed credentials: the client id or the secret is wrong"),
        new("finding-credentials-in-clear", "tip.credentials-base64", TokenClient, RevokeClient, "id:secret sent in clear, not base64 encoded"),
        new("finding-credentials-not-base64", "tip.credentials-base64", TokenClient, RevokeClient, "The credentials are not valid base64"),
        new("finding-credentials-not-utf8", "tip.credentials-base64", TokenClient, RevokeClient, "The credentials decode to bytes that are not UTF-8"),
        new("finding-scheme-not-basic", "tip.basic-prefix", TokenClient, RevokeClient, "The scheme is not Basic (Bearer, missing or misspelled)"),
        new("finding-scheme-encoded", "tip.basic-prefix", TokenClient, RevokeClient, "The word Basic was base64 encoded with the credentials"),
        new("finding-bytes-literal", "tip.bytes-to-string", TokenClient, RevokeClient, "A bytes literal (b'…') printed into the header"),
        new("finding-authorization-missing", "tip.authorization-header", TokenClient, RevokeClient, "No Authorization header"),
        new("finding-credentials-in-body", "tip.authorization-header", TokenClient, RevokeClient, "Client credentials sent in the body or query string instead of the header"),
        new("finding-credentials-no-colon", "tip.authorization-header", TokenClient, RevokeClient, "The decoded credentials have no ':' between id and secret"),
        new("finding-secret-wrong", "tip.authorization-header", TokenClient, RevokeClient, "The client secret is wrong"),
        new("finding-authorization-repeated", "tip.authorization-header", TokenClient, RevokeClient, "Two Authorization headers"),
        new("finding-grant-type-missing", "tip.grant-type", "token.unsupported-grant-type", null, "grant_type missing or empty"),
        new("finding-grant-type-unsupported", "tip.grant-type", "token.unsupported-grant-type", null, "grant_type misspelled or another grant"),
        new("finding-body-json", "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The body is JSON, not a form"),
        new("finding-body-multipart", "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The body is multipart, not application/x-www-form-urlencoded"),
        new("finding-body-in-query", "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The parameters are in the query string, not the body"),
        new("finding-content-type-wrong", "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The content type is missing or not application/x-www-form-urlencoded"),
        new("finding-refresh-token-refused", "tip.refresh-token-invalid", "token.refresh.revoked", null, "invalid_grant on a well-formed refresh request"),
        new("finding-verifier-missing", "tip.code-verifier-pattern", "token.pkce.invalid-verifier", null, "No code_verifier in the code exchange"),
        new("finding-verifier-length", "tip.code-verifier-pattern", "token.pkce.invalid-verifier", null, "The verifier is shorter than 43 or longer than 128 characters"),
        new("finding-verifier-character", "tip.code-verifier-pattern", "token.pkce.invalid-verifier", null, "The verifier has a character outside [a-zA-Z0-9-._~]"),
        new("finding-challenge-mismatch", "tip.code-challenge-s256", "token.pkce.challenge-failed", null, "S256 of the verifier is not the challenge"),
        new("finding-challenge-plain", "tip.code-challenge-s256", "token.pkce.challenge-failed", null, "The verifier equals the challenge: plain hashing"),
        new("finding-verifier-of-another-authorization", "tip.code-challenge-s256", "token.pkce.challenge-failed", null, "The verifier belongs to another authorization of the same client"),
        new("finding-web-host", "tip.api-host", "token.wrong-host", "revoke.wrong-host", "A token or revoke request sent to the web host"),
        new("finding-refresh-token-missing", null, "token.refresh.missing-token", null, "refresh_token missing from the body"),
        new("finding-refresh-token-unknown", "tip.refresh-token-invalid", NotFound, null, "The refresh token was never issued (to this client)"),
        new("finding-refresh-token-truncated", "tip.refresh-token-invalid", NotFound, null, "The refresh token is a prefix of an issued one"),
        new("finding-refresh-token-one-character", "tip.refresh-token-invalid", NotFound, null, "The refresh token differs from an issued one in one character"),
        new("finding-refresh-token-padded", "tip.refresh-token-invalid", NotFound, null, "Whitespace or quotes around the refresh token"),
        new("finding-refresh-token-revoked", "tip.refresh-token-invalid", "token.refresh.revoked", null, "The refresh token was revoked, or the customer removed the app"),
        new("finding-refresh-token-inactive", "tip.refresh-token-invalid", "token.refresh.inactive", null, "The refresh token was not used for more than 90 days"),
        new("finding-refresh-rate-limited", null, "token.refresh.rate-limited", null, "The 11th refresh of one token within a minute"),
        new("finding-bearer-format", null, "api.not-authenticated", null, "The API call's header is not Bearer <token>"),
        new("finding-access-token-expired", null, "api.authentication-failed", null, "The access token has expired"),
        new("finding-access-token-revoked", null, "api.authentication-failed", null, "The access token was revoked"),
        new("finding-access-token-unknown", null, "api.authentication-failed", null, "The access token was never issued"),
        new("finding-consent-role", null, "authorize.role-denied", null, "A user without the owner, admin or manager role at the consent page"),
        new("finding-client-page-hidden", null, "client-page.not-found", null, "The client page opened from an account not allowlisted, or by a role that cannot see it"),
    ];

    private static readonly FrozenDictionary<string, FindingKind> ById = Entries.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);

    public static IReadOnlyList<FindingKind> All => Entries;

    /// <summary>The finding kind with this id (with or without a leading @).</summary>
    public static FindingKind Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.TryGetValue(id.TrimStart('@'), out var kind) ? kind : throw new KeyNotFoundException($"No finding '{id}'.");
    }

    public static FindingKind? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id.TrimStart('@'));
    }
}
