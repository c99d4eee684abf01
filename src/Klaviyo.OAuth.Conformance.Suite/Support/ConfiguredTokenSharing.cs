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
/// With <c>--sign-in</c> and no control API, the scenarios that ask the person for an approval
/// (<c>@needs-approval</c>, or destructive ones that take a throwaway token set) share the sign-in:
/// one after another, a code a refused exchange left unspent, or a token set nobody used, serves
/// the next scenario instead of a new approval.
/// A host names it with <c>[assembly: ScenarioSharing(typeof(ConfiguredTokenSharing))]</c>.
/// </summary>
public sealed class ConfiguredTokenSharing : IScenarioSharing
{
    public const string ConfiguredTokens = "the configured tokens";

    public const string SignIn = "the sign-in";

    private static readonly string[] UsingTokens = [CapabilityTags.TagOf(Capability.RefreshToken), CapabilityTags.TagOf(Capability.AccessToken)];

    private static readonly string NeedsApproval = CapabilityTags.TagOf(Capability.Approval);

    private static readonly string Destructive = CapabilityTags.TagOf(Capability.Destructive);

    public IReadOnlyCollection<string> SharedBy(IReadOnlyCollection<string> tags, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (SuiteSettings.For(context).Current is not { IsRemote: true } settings || settings.IsSet(SettingKeys.ControlUrl))
        {
            return [];
        }

        var shared = new List<string>(2);
        if (tags.Any(Has(UsingTokens)))
        {
            shared.Add(ConfiguredTokens);
        }

        if (settings.SignIn && (tags.Any(Has([NeedsApproval])) || (tags.Any(Has([Destructive])) && tags.Any(Has(UsingTokens)))))
        {
            shared.Add(SignIn);
        }

        return shared;
    }

    private static Func<string, bool> Has(string[] wanted) => tag => wanted.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
