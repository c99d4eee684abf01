namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// An OAuth app as registered with the target: what the app's own configuration holds. The redirect
/// URI may be unknown (a remote app configured with id and secret only): then only scenarios that
/// need no redirect can run (<see cref="Capability.RedirectUri"/>).
/// </summary>
public sealed record AppRegistration(string ClientId, string ClientSecret, string? RedirectUri)
{
    /// <summary>The redirect URI, for steps that send one; a scenario that reaches them without one lacks its @needs-redirect-uri tag.</summary>
    public string RequiredRedirectUri =>
        RedirectUri ?? throw new InvalidOperationException("The app has no redirect URI: the scenario should be tagged @needs-redirect-uri.");

    public override string ToString() => $"app {ClientId} (secret redacted), redirect {RedirectUri ?? "not configured"}";
}
