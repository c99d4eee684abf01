namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>The Gherkin tags by which scenarios declare the capabilities they need.</summary>
public static class CapabilityTags
{
    private static readonly Dictionary<string, Capability> ByTag = new Dictionary<string, Capability>(StringComparer.OrdinalIgnoreCase)
    {
        ["needs-client"] = Capability.Client,
        ["needs-redirect-uri"] = Capability.RedirectUri,
        ["needs-consent"] = Capability.Consent,
        ["needs-approval"] = Capability.Approval,
        ["needs-refresh-token"] = Capability.RefreshToken,
        ["needs-access-token"] = Capability.AccessToken,
        ["needs-clock"] = Capability.Clock,
        ["needs-a-minute"] = Capability.AMinute,
        ["needs-outage"] = Capability.Outage,
        ["needs-uninstall"] = Capability.Uninstall,
        ["destructive"] = Capability.Destructive,
    };

    /// <summary>The capabilities named by a scenario's tags (with or without the leading '@').</summary>
    public static IReadOnlyList<Capability> From(IEnumerable<string> tags) =>
        tags.Select(tag => ByTag.TryGetValue(tag.TrimStart('@'), out var capability) ? (Capability?)capability : null)
            .OfType<Capability>()
            .Distinct()
            .ToArray();

    /// <summary>The capabilities a scenario with these tags needs of this target (a target may meet one need through another).</summary>
    public static IReadOnlyList<Capability> NeededOf(IConformanceTarget target, IEnumerable<string> tags)
    {
        var needs = From(tags);
        return target is ConfiguredRemoteTarget configured ? configured.Needs(needs).ToArray() : needs;
    }

    public static string TagOf(Capability capability) => ByTag.First(pair => pair.Value == capability).Key;
}
