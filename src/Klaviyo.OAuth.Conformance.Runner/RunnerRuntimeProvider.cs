using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// How Reqnroll's verdicts, and bindings that skip a scenario, reach the runner: as exceptions the
/// runner classifies in <see cref="FinishedScenario"/>, whatever the host. Bindings skip through
/// this provider (resolved from the scenario container), never through a test framework.
/// </summary>
public sealed class RunnerRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PendingOrUndefinedStepsException(message);

    // Inconclusive is reported as skipped: a host that kept it apart would drop the scenario from the totals.
    public void TestInconclusive(string message) => throw new ScenarioSkippedException(message);

    public void TestIgnore(string message) => throw new ScenarioSkippedException(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        ScenarioSkippedException => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}
