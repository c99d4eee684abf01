using FluentAssertions;
using Klaviyo.OAuth.Guide;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

/// <summary>
/// The runner classifies a finished scenario by the Cucumber status Reqnroll gave it, through the
/// rule the reports use (<see cref="StepStatus.Outcome"/>); a run allows a failed check, never a broken suite.
/// </summary>
public class FinishedScenarioTests
{
    private static readonly Exception Check = new CheckFailedException("Expected 401, got 200");

    [TestCase(ScenarioExecutionStatus.TestError, StepStatus.Failed, ScenarioOutcome.Failed)]
    [TestCase(ScenarioExecutionStatus.BindingError, StepStatus.Failed, ScenarioOutcome.Failed)]
    [TestCase(ScenarioExecutionStatus.UndefinedStep, StepStatus.Undefined, ScenarioOutcome.Failed)]
    [TestCase(ScenarioExecutionStatus.StepDefinitionPending, StepStatus.Pending, ScenarioOutcome.Skipped)]
    [TestCase(ScenarioExecutionStatus.Skipped, StepStatus.Skipped, ScenarioOutcome.Skipped)]
    [TestCase(ScenarioExecutionStatus.OK, StepStatus.Failed, ScenarioOutcome.Failed)]
    public void What_Reqnroll_recorded_decides_the_status_and_the_outcome(ScenarioExecutionStatus recorded, string status, ScenarioOutcome outcome)
    {
        var finished = FinishedScenario.Of(FinishedScenario.StatusOf(recorded, Check), Check);

        finished.Status.Should().Be(status);
        finished.Outcome.Should().Be(outcome);
        finished.Outcome.Should().Be(StepStatus.Outcome([status]), "the runner and the reports decide by one rule");
    }

    [Test]
    public void A_binding_that_skips_from_a_hook_is_skipped_though_Reqnroll_records_an_error() =>
        FinishedScenario.StatusOf(ScenarioExecutionStatus.TestError, new ScenarioSkippedException("no control API")).Should().Be(StepStatus.Skipped);

    [Test]
    public void A_scenario_that_threw_nothing_and_ended_well_passed() =>
        FinishedScenario.StatusOf(ScenarioExecutionStatus.OK, failure: null).Should().Be(StepStatus.Passed);

    [Test]
    public void A_failed_check_the_run_expects_is_allowed_and_says_why()
    {
        var finished = FinishedScenario.Of(StepStatus.Failed, Check, expectedBecause: "listed as a known deviation");

        finished.Outcome.Should().Be(ScenarioOutcome.Failed);
        finished.FailsRun.Should().BeFalse();
        finished.Allowance.Kind.Should().Be(AllowanceKind.Expected);
        finished.Failure!.Message.Should().Be("Expected failure (listed as a known deviation): Expected 401, got 200");
        finished.ProgressLine("s").Should().Be("  ≈ s (expected failure)");
    }

    [Test]
    public void A_failed_advisory_check_is_allowed_as_a_warning()
    {
        var finished = FinishedScenario.Of(StepStatus.Failed, Check, warnOnly: true);

        finished.FailsRun.Should().BeFalse();
        finished.Failure!.Message.Should().StartWith("Advisory requirement not met: ");
        finished.ProgressLine("s").Should().Be("  ! s (advisory)");
    }

    [Test]
    public void An_undefined_step_fails_the_run_even_where_a_failure_is_allowed()
    {
        var finished = FinishedScenario.Of(StepStatus.Undefined, new PendingOrUndefinedStepsException("No matching step definition"), warnOnly: true, expectedBecause: "listed");

        finished.FailsRun.Should().BeTrue();
        finished.Allowance.Should().Be(ScenarioAllowance.None);
        finished.ProgressLine("s").Should().Be("  ✗ s (undefined step)");
    }

    [Test]
    public void A_skipped_scenario_is_never_an_allowed_failure()
    {
        var finished = FinishedScenario.Of(StepStatus.Pending, new PendingOrUndefinedStepsException("pending"), warnOnly: true);

        finished.Outcome.Should().Be(ScenarioOutcome.Skipped);
        finished.Allowance.Should().Be(ScenarioAllowance.None);
        finished.FailsRun.Should().BeFalse();
        finished.Failure!.Message.Should().Be("pending");
    }
}
