namespace Klaviyo.OAuth.Emulator;

/// <summary>The cookie that makes the web host see a signed-in user.</summary>
public sealed record SignedInSession(string CookieName, string CookieValue);
