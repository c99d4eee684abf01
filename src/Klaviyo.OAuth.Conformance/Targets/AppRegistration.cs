namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>An OAuth app as registered with the target: what the app's own configuration holds.</summary>
public sealed record AppRegistration(string ClientId, string ClientSecret, string RedirectUri)
{
    public override string ToString() => $"app {ClientId} (secret redacted), redirect {RedirectUri}";
}
