using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// What scenarios share, from their capability tags. Against a target without a control API, every
/// scenario tagged <c>@needs-refresh-token</c> or <c>@needs-access-token</c> uses the configured
/// tokens: one refresh budget and one rate-limit window, so they run one after another. Against the
/// embedded emulator or a control API, each scenario has an app, tokens, a clock and outages of its
/// own (time passes and outages start for its app only): nothing is shared, everything runs side by side.
/// A host names it with <c>[assembly: ScenarioSharing(typeof(ConfiguredTokenSharing))]</c>.
/// </summary>
public sealed class ConfiguredTokenSharing : IScenarioSharing
{
    public const string ConfiguredTokens = "the configured tokens";

    private static readonly string[] UsingTokens = [CapabilityTags.TagOf(Capability.RefreshToken), CapabilityTags.TagOf(Capability.AccessToken)];

    public IReadOnlyCollection<string> SharedBy(IReadOnlyCollection<string> tags, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return SuiteSettings.For(context).Current is { IsRemote: true } settings && !settings.IsSet(SettingKeys.ControlUrl)
            && tags.Any(tag => UsingTokens.Contains(tag, StringComparer.OrdinalIgnoreCase))
                ? [ConfiguredTokens]
                : [];
    }
}
