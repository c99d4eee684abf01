namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// What an access token looks like, defined once per format: how one is minted, and which strings
/// are well formed. The guide's split rests on it: a Bearer value that is not well formed is
/// not_authenticated; a well-formed one that was never issued, expired or was revoked is
/// authentication_failed.
/// </summary>
internal abstract class AccessTokenShape
{
    public static AccessTokenShape For(AccessTokenFormat format) => format switch
    {
        AccessTokenFormat.Jwt => new JwtAccessTokenShape(),
        AccessTokenFormat.Opaque => new OpaqueAccessTokenShape(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown access token format."),
    };

    public abstract string Create(AccessTokenClaims claims);

    public abstract bool IsWellFormed(string? value);
}

/// <summary>What an access token stands for (and, for a JWT, carries).</summary>
internal sealed record AccessTokenClaims(string ClientId, string AccountId, string Scope, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
