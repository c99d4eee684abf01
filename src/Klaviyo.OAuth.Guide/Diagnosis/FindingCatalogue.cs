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
        new(FindingIds.ClientIdUnknown, "tip.client-id", TokenClient, RevokeClient, "The client id is not one the server issued"),
        new(FindingIds.CredentialsRefused, "tip.client-id", TokenClient, RevokeClient, "The server refused well-formed credentials: the client id or the secret is wrong"),
        new(FindingIds.CredentialsInClear, "tip.credentials-base64", TokenClient, RevokeClient, "id:secret sent in clear, not base64 encoded"),
        new(FindingIds.CredentialsNotBase64, "tip.credentials-base64", TokenClient, RevokeClient, "The credentials are not valid base64"),
        new(FindingIds.CredentialsNotUtf8, "tip.credentials-base64", TokenClient, RevokeClient, "The credentials decode to bytes that are not UTF-8"),
        new(FindingIds.SchemeNotBasic, "tip.basic-prefix", TokenClient, RevokeClient, "The scheme is not Basic (Bearer, missing or misspelled)"),
        new(FindingIds.SchemeEncoded, "tip.basic-prefix", TokenClient, RevokeClient, "The word Basic was base64 encoded with the credentials"),
        new(FindingIds.BytesLiteral, "tip.bytes-to-string", TokenClient, RevokeClient, "A bytes literal (b'…') printed into the header"),
        new(FindingIds.AuthorizationMissing, "tip.authorization-header", TokenClient, RevokeClient, "No Authorization header"),
        new(FindingIds.CredentialsInBody, "tip.authorization-header", TokenClient, RevokeClient, "Client credentials sent in the body or query string instead of the header"),
        new(FindingIds.CredentialsNoColon, "tip.authorization-header", TokenClient, RevokeClient, "The decoded credentials have no ':' between id and secret"),
        new(FindingIds.SecretWrong, "tip.authorization-header", TokenClient, RevokeClient, "The client secret is wrong"),
        new(FindingIds.AuthorizationRepeated, "tip.authorization-header", TokenClient, RevokeClient, "Two Authorization headers"),
        new(FindingIds.GrantTypeMissing, "tip.grant-type", "token.unsupported-grant-type", null, "grant_type missing or empty"),
        new(FindingIds.GrantTypeUnsupported, "tip.grant-type", "token.unsupported-grant-type", null, "grant_type misspelled or another grant"),
        new(FindingIds.BodyJson, "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The body is JSON, not a form"),
        new(FindingIds.BodyMultipart, "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The body is multipart, not application/x-www-form-urlencoded"),
        new(FindingIds.BodyInQuery, "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The parameters are in the query string, not the body"),
        new(FindingIds.ContentTypeWrong, "tip.form-body", "token.unsupported-grant-type", "revoke.invalid-request", "The content type is missing or not application/x-www-form-urlencoded"),
        new(FindingIds.RefreshTokenRefused, "tip.refresh-token-invalid", "token.refresh.revoked", null, "invalid_grant on a well-formed refresh request"),
        new(FindingIds.VerifierMissing, "tip.code-verifier-pattern", "token.pkce.invalid-verifier", null, "No code_verifier in the code exchange"),
        new(FindingIds.VerifierLength, "tip.code-verifier-pattern", "token.pkce.invalid-verifier", null, "The verifier is shorter than 43 or longer than 128 characters"),
        new(FindingIds.VerifierCharacter, "tip.code-verifier-pattern", "token.pkce.invalid-verifier", null, "The verifier has a character outside [a-zA-Z0-9-._~]"),
        new(FindingIds.ChallengeMismatch, "tip.code-challenge-s256", "token.pkce.challenge-failed", null, "S256 of the verifier is not the challenge"),
        new(FindingIds.ChallengePlain, "tip.code-challenge-s256", "token.pkce.challenge-failed", null, "The verifier equals the challenge: plain hashing"),
        new(FindingIds.VerifierOfAnotherAuthorization, "tip.code-challenge-s256", "token.pkce.challenge-failed", null, "The verifier belongs to another authorization of the same client"),
        new(FindingIds.WebHost, "tip.api-host", "token.wrong-host", "revoke.wrong-host", "A token or revoke request sent to the web host"),
        new(FindingIds.RefreshTokenMissing, null, "token.refresh.missing-token", null, "refresh_token missing from the body"),
        new(FindingIds.RefreshTokenUnknown, "tip.refresh-token-invalid", NotFound, null, "The refresh token was never issued (to this client)"),
        new(FindingIds.RefreshTokenTruncated, "tip.refresh-token-invalid", NotFound, null, "The refresh token is a prefix of an issued one"),
        new(FindingIds.RefreshTokenOneCharacter, "tip.refresh-token-invalid", NotFound, null, "The refresh token differs from an issued one in one character"),
        new(FindingIds.RefreshTokenPadded, "tip.refresh-token-invalid", NotFound, null, "Whitespace or quotes around the refresh token"),
        new(FindingIds.RefreshTokenRevoked, "tip.refresh-token-invalid", "token.refresh.revoked", null, "The refresh token was revoked, or the customer removed the app"),
        new(FindingIds.RefreshTokenInactive, "tip.refresh-token-invalid", "token.refresh.inactive", null, "The refresh token was not used for more than 90 days"),
        new(FindingIds.RefreshRateLimited, null, "token.refresh.rate-limited", null, "The 11th refresh of one token within a minute"),
        new(FindingIds.BearerFormat, null, "api.not-authenticated", null, "The API call's header is not Bearer <token>"),
        new(FindingIds.AccessTokenExpired, null, "api.authentication-failed", null, "The access token has expired"),
        new(FindingIds.AccessTokenRevoked, null, "api.authentication-failed", null, "The access token was revoked"),
        new(FindingIds.AccessTokenUnknown, null, "api.authentication-failed", null, "The access token was never issued"),
        new(FindingIds.ConsentRole, null, "authorize.role-denied", null, "A user without the owner, admin or manager role at the consent page"),
        new(FindingIds.ClientPageHidden, null, "client-page.not-found", null, "The client page opened from an account not allowlisted, or by a role that cannot see it"),
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
