using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Conformance.Suite.Steps;
using Reqnroll;

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

    [BeforeStep]
    public async Task ProvideWhatTheScenarioAskedForAsync()
    {
        if (scenario.StepContext.StepInfo.BindingMatch?.StepBinding?.Method.Type.FullName != GrantStepsType)
        {
            await control.ProvisionAsync();
        }
    }
}
