namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>The tokens a grant gave the app; the access token changes on refresh, the refresh token does not.</summary>
public sealed record TokenSet(string? AccessToken, string RefreshToken, int? ExpiresIn);
