using FluentAssertions;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

/// <summary>The one rule that turns a scenario's step statuses into its outcome: the worst step wins, in any order.</summary>
public class StepStatusTests
{
    [TestCase(ScenarioOutcome.Passed)]
    [TestCase(ScenarioOutcome.Passed, "PASSED", "PASSED")]
    [TestCase(ScenarioOutcome.Failed, "PASSED", "FAILED", "SKIPPED")]
    [TestCase(ScenarioOutcome.Failed, "SKIPPED", "UNDEFINED")]
    [TestCase(ScenarioOutcome.Failed, "AMBIGUOUS")]
    [TestCase(ScenarioOutcome.Skipped, "PASSED", "PENDING", "SKIPPED")]
    [TestCase(ScenarioOutcome.Skipped, "PASSED", "SKIPPED")]
    [TestCase(ScenarioOutcome.Skipped, "UNKNOWN")]
    public void The_worst_step_decides_the_scenario(ScenarioOutcome outcome, params string[] statuses)
    {
        StepStatus.Outcome(statuses).Should().Be(outcome);
        StepStatus.Outcome(statuses.Reverse()).Should().Be(outcome, "the order the steps finished in does not matter");
    }
}
