namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>Tokens a person obtained by installing the app once by hand, for targets without a control API.</summary>
public sealed record PreobtainedTokens(string? RefreshToken, string? AccessToken);
