using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>A user signed in to the web host: the browser session cookie that carries them.</summary>
public sealed record SignedInUser(UserRole Role, bool AccountAllowlisted, string CookieName, string CookieValue)
{
    public string CookieHeader => $"{CookieName}={CookieValue}";

    public override string ToString() => $"{Role} of an {(AccountAllowlisted ? "allowlisted" : "ordinary")} account (session redacted)";
}
