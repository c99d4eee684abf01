namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>What an app's tests can make of one refresh token, so the app meets each refusal on purpose.</summary>
public enum RefreshTokenSituation
{
    /// <summary>Revoked (as by the customer or a revoke request): invalid_grant, "Refresh token has been revoked".</summary>
    Revoked,

    /// <summary>Inactive, as if unused past the inactivity limit: invalid_grant.</summary>
    Expired,

    /// <summary>Used up for the current minute: 429 for a full minute.</summary>
    RateLimited,
}
