using NUnit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>How Reqnroll's verdicts become NUnit outcomes. Inconclusive is never used: it drops a test from the totals.</summary>
public sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PendingOrUndefinedStepsException(message);

    public void TestInconclusive(string message) => Assert.Ignore(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        IgnoreException or InconclusiveException => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}
