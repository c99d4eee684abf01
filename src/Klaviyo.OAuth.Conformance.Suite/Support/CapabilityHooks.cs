using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Conformance.Runner;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// A scenario that needs a capability the target lacks is skipped — never passed, never failed —
/// with a reason that names the capability and the setting that would provide it.
/// </summary>
[Binding]
public sealed class CapabilityHooks(ScenarioContext scenario, ConformanceRun run, IUnitTestRuntimeProvider runtime)
{
    [BeforeScenario(Order = 0)]
    public void SkipWhenTheTargetLacksACapability()
    {
        if (run.Unreachable is not null)
        {
            // Nothing about conformance can be learned: not verified, never "not satisfied". The URL
            // and the cause are said once, in the run's outcome, not once per scenario.
            runtime.TestIgnore(TargetPreflight.NotVerifiedReason + " (the run's outcome says which URL and why).");
            return;
        }

        List<string> lacking;
        try
        {
            lacking = CapabilityTags.NeededOf(run.Target, scenario.ScenarioInfo.CombinedTags)
                .Select(capability => (capability, why: run.Target.WhyLacking(capability)))
                .Where(x => x.why is not null)
                .Select(x => $"@{CapabilityTags.TagOf(x.capability)}: {x.why}")
                .ToList();
        }
        catch (Exception unusable) when (unusable is TargetUnreachableException or InvalidOperationException)
        {
            // The target (or its control API) cannot be asked: the scenario fails, it is not skipped.
            throw new CheckFailedException(run.Redactor.Redact(unusable.Message), unusable);
        }

        if (lacking.Count > 0)
        {
            // The target itself is described once, at the start of the run; each reason names only what is missing.
            runtime.TestIgnore($"Not verified: the target lacks what this scenario needs — {string.Join("; ", lacking)}");
        }
    }
}
