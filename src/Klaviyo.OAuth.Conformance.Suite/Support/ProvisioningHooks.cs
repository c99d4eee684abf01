using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Conformance.Suite.Steps;
using Klaviyo.OAuth.Conformance.Targets;
using Reqnroll;
using Reqnroll.BoDi;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// A scenario's first steps say what it needs ("an app registered with the target", "a signed-in
/// admin"); the target provides it all at once before the first step that uses it, so a remote run
/// waits one round trip for them, not one per thing. The grant steps provision through the control
/// driver themselves; every other step needs what was asked for before it.
/// </summary>
[Binding]
public sealed class ProvisioningHooks(ScenarioContext scenario, TargetControlDriver control)
{
    private static readonly string GrantStepsType = typeof(GrantSteps).FullName!;

    /// <summary>
    /// Reads what the control API offers once, before any scenario: each scenario's capability check
    /// waits for it synchronously, and many scenarios starting side by side at internet distance
    /// would otherwise hold the thread pool's threads while the one read waits for a thread.
    /// A failure is left for the scenarios to report, as before.
    /// </summary>
    [BeforeTestRun(Order = 10)]
    public static async Task ReadTheControlApiOnceAsync(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.IsRegistered<ConformanceRun>() && container.Resolve<ConformanceRun>() is { Unreachable: null, Target: ControlApiTarget control })
        {
            await control.ControlCapabilitiesAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [BeforeStep]
    public async Task ProvideWhatTheScenarioAskedForAsync()
    {
        if (scenario.StepContext.StepInfo.BindingMatch?.StepBinding?.Method.Type.FullName != GrantStepsType)
        {
            await control.ProvisionAsync();
        }
    }
}
