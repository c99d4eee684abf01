namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>The id of each finding the diagnosis can report, as the features/diagnosis scenarios tag it.</summary>
public static class FindingIds
{
    public const string ClientIdUnknown = "finding-client-id-unknown";

    public const string CredentialsRefused = "finding-credentials-refused";

    public const string CredentialsInClear = "finding-credentials-in-clear";

    public const string CredentialsNotBase64 = "finding-credentials-not-base64";

    public const string CredentialsNotUtf8 = "finding-credentials-not-utf8";

    public const string SchemeNotBasic = "finding-scheme-not-basic";

    public const string SchemeEncoded = "finding-scheme-encoded";

    public const string BytesLiteral = "finding-bytes-literal";

    public const string AuthorizationMissing = "finding-authorization-missing";

    public const string CredentialsInBody = "finding-credentials-in-body";

    public const string CredentialsNoColon = "finding-credentials-no-colon";

    public const string SecretWrong = "finding-secret-wrong";

    public const string AuthorizationRepeated = "finding-authorization-repeated";

    public const string GrantTypeMissing = "finding-grant-type-missing";

    public const string GrantTypeUnsupported = "finding-grant-type-unsupported";

    public const string BodyJson = "finding-body-json";

    public const string BodyMultipart = "finding-body-multipart";

    public const string BodyInQuery = "finding-body-in-query";

    public const string ContentTypeWrong = "finding-content-type-wrong";

    public const string RefreshTokenRefused = "finding-refresh-token-refused";

    public const string VerifierMissing = "finding-verifier-missing";

    public const string VerifierLength = "finding-verifier-length";

    public const string VerifierCharacter = "finding-verifier-character";

    public const string ChallengeMismatch = "finding-challenge-mismatch";

    public const string ChallengePlain = "finding-challenge-plain";

    public const string VerifierOfAnotherAuthorization = "finding-verifier-of-another-authorization";

    public const string WebHost = "finding-web-host";

    public const string RefreshTokenMissing = "finding-refresh-token-missing";

    public const string RefreshTokenUnknown = "finding-refresh-token-unknown";

    public const string RefreshTokenTruncated = "finding-refresh-token-truncated";

    public const string RefreshTokenOneCharacter = "finding-refresh-token-one-character";

    public const string RefreshTokenPadded = "finding-refresh-token-padded";

    public const string RefreshTokenRevoked = "finding-refresh-token-revoked";

    public const string RefreshTokenInactive = "finding-refresh-token-inactive";

    public const string RefreshRateLimited = "finding-refresh-rate-limited";

    public const string BearerFormat = "finding-bearer-format";

    public const string AccessTokenExpired = "finding-access-token-expired";

    public const string AccessTokenRevoked = "finding-access-token-revoked";

    public const string AccessTokenUnknown = "finding-access-token-unknown";

    public const string ConsentRole = "finding-consent-role";

    public const string ClientPageHidden = "finding-client-page-hidden";
}
