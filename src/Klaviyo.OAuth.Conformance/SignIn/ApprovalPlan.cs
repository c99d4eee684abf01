using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>
/// How many approvals a <c>run --sign-in</c> asks for, known from the selected scenarios' tags before
/// the first one, so that the console can say "approval 2 of at most 3". A scenario needs an approval's code
/// when it is tagged <c>@needs-approval</c>: a documented (error) behaviour's exchange is refused and
/// leaves the code unspent, so all of them share one approval; any other exchange spends its code and
/// leaves a token set nobody used. A destructive scenario that holds tokens needs a throwaway set of
/// its own (two with <c>@needs-approval</c>: a second grant). Scenarios run side by side in no fixed
/// order, so the plan counts only the reuse that order cannot undo (the refused exchanges' one
/// code): a destructive scenario that runs after a successful exchange takes its unused set instead,
/// and a successful exchange may take a refused code, so a run may end having asked for fewer.
/// </summary>
public static class ApprovalPlan
{
    private static readonly string NeedsApproval = CapabilityTags.TagOf(Capability.Approval);
    private static readonly string Destructive = CapabilityTags.TagOf(Capability.Destructive);
    private static readonly string[] HoldsTokens = [CapabilityTags.TagOf(Capability.RefreshToken), CapabilityTags.TagOf(Capability.AccessToken)];
    private static readonly string Documented = RequirementLevel.Documented.Key();

    /// <summary>The approvals the scenarios with these tags (each scenario's tags, with or without '@') ask for.</summary>
    public static int Count(IEnumerable<IEnumerable<string>> scenarioTags)
    {
        ArgumentNullException.ThrowIfNull(scenarioTags);
        int spending = 0, refused = 0, throwawaySets = 0;
        foreach (var tags in scenarioTags.Select(t => t.Select(tag => tag.TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase)))
        {
            var approval = tags.Contains(NeedsApproval);
            if (tags.Contains(Destructive))
            {
                throwawaySets += (HoldsTokens.Any(tags.Contains) ? 1 : 0) + (approval ? 1 : 0);
            }
            else if (approval && tags.Contains(Documented))
            {
                refused++;
            }
            else if (approval)
            {
                spending++;
            }
        }

        return spending + (refused > 0 ? 1 : 0) + throwawaySets;
    }
}
