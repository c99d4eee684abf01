using System.Runtime.ExceptionServices;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>How a finished scenario becomes an NUnit result. Inconclusive is never used: it drops a test from the totals.</summary>
public static class OutcomeReport
{
    /// <summary>Gives NUnit the outcome: returns for a pass, otherwise fails, ignores or warns.</summary>
    public static void Report(this FinishedScenario outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Outcome)
        {
            case ScenarioOutcome.Passed:
                return;
            case ScenarioOutcome.Skipped:
                Assert.Ignore(outcome.Failure!.Message);
                return;
            case ScenarioOutcome.Failed when !outcome.FailsRun:
                DowngradeToWarning(outcome.Failure!.Message);
                return;
            case ScenarioOutcome.Failed when outcome.Status == StepStatus.Undefined || outcome.Failure is CheckFailedException:
                Assert.Fail(outcome.Failure!.Message);
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
