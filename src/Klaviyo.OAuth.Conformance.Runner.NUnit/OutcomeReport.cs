using System.Runtime.ExceptionServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>How a scenario's outcome becomes an NUnit result. Inconclusive is never used: it drops a test from the totals.</summary>
public static class OutcomeReport
{
    /// <summary>Gives NUnit the outcome: returns for a pass, otherwise fails, ignores or warns.</summary>
    public static void Report(this ScenarioOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Kind)
        {
            case ScenarioOutcomeKind.Passed:
                return;
            case ScenarioOutcomeKind.Undefined:
            case ScenarioOutcomeKind.Failed when outcome.Failure is CheckFailedException:
                Assert.Fail(outcome.Failure!.Message);
                return;
            case ScenarioOutcomeKind.Pending:
            case ScenarioOutcomeKind.Skipped:
                Assert.Ignore(outcome.Failure!.Message);
                return;
            case ScenarioOutcomeKind.Advisory:
                DowngradeToWarning("Advisory requirement not met: " + outcome.Failure!.Message);
                return;
            case ScenarioOutcomeKind.Expected:
                DowngradeToWarning(outcome.Failure!.Message);
                return;
            default:
                ExceptionDispatchInfo.Throw(outcome.Failure!);
                return;
        }
    }

    /// <summary>
    /// NUnit records a failed assertion in the test's result before it throws, so catching the
    /// exception is not enough: the recorded failure is withdrawn and a warning stands in its place.
    /// </summary>
    private static void DowngradeToWarning(string message)
    {
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        result.AssertionResults.Clear();
        result.SetResult(ResultState.Success);
        Assert.Warn(message);
    }
}
