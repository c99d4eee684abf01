using Klaviyo.OAuth.Guide;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// A scenario as the runner saw it end: the Cucumber status Reqnroll gave it, its outcome by the one
/// rule the reports also use (<see cref="StepStatus.Outcome"/>), what the run allows of a failure
/// (an advisory requirement, a known deviation), what was thrown and the step trace. Hosts report it
/// their own way (NUnit results, console lines).
/// </summary>
public sealed class FinishedScenario
{
    private FinishedScenario(string status, ScenarioAllowance allowance, Exception? failure, string trace)
    {
        Status = status;
        Outcome = StepStatus.Outcome([status]);
        Allowance = Outcome == ScenarioOutcome.Failed ? allowance : ScenarioAllowance.None;
        Failure = Allowance == ScenarioAllowance.None || failure is null ? failure : new AllowedFailureException(allowance, failure);
        Trace = trace;
    }

    /// <summary>The scenario's worst step status, as Cucumber names it (<see cref="StepStatus"/>).</summary>
    public string Status { get; }

    public ScenarioOutcome Outcome { get; }

    /// <summary>Whether the run allows this failure; <see cref="ScenarioAllowance.None"/> for every outcome but a failed check.</summary>
    public ScenarioAllowance Allowance { get; }

    /// <summary>What was thrown, for every outcome but a pass; an allowed failure's message says why it is allowed.</summary>
    public Exception? Failure { get; }

    /// <summary>Reqnroll's step trace when the scenario did not pass; empty when it passed.</summary>
    public string Trace { get; }

    public bool Passed => Outcome == ScenarioOutcome.Passed;

    /// <summary>Whether the scenario fails the run: it failed, and the run does not allow it.</summary>
    public bool FailsRun => Outcome == ScenarioOutcome.Failed && Allowance == ScenarioAllowance.None;

    public static FinishedScenario Pass { get; } = new(StepStatus.Passed, ScenarioAllowance.None, null, string.Empty);

    /// <param name="status">The scenario's Cucumber status (<see cref="StatusOf"/> for one Reqnroll ran).</param>
    /// <param name="warnOnly">The scenario carries a warn-only tag: a failed check is advisory.</param>
    /// <param name="expectedBecause">Why this scenario is expected to fail (a known deviation's reason), or null.</param>
    public static FinishedScenario Of(string status, Exception failure, bool warnOnly = false, string? expectedBecause = null)
    {
        // A run allows a check that failed, never a suite that cannot run: an undefined step stays a failure.
        var allowance = status == StepStatus.Undefined ? ScenarioAllowance.None
            : expectedBecause is not null ? ScenarioAllowance.Expected(expectedBecause)
            : warnOnly ? ScenarioAllowance.Advisory
            : ScenarioAllowance.None;
        return new(status, allowance, failure, string.Empty);
    }

    /// <summary>
    /// The Cucumber status of a scenario Reqnroll ran, from its own record of it, as its message
    /// formatter writes it to cucumber.ndjson; <paramref name="failure"/> is what the run threw, if anything.
    /// </summary>
    public static string StatusOf(ScenarioExecutionStatus status, Exception? failure) => status switch
    {
        ScenarioExecutionStatus.OK when failure is null => StepStatus.Passed,
        ScenarioExecutionStatus.StepDefinitionPending => StepStatus.Pending,
        ScenarioExecutionStatus.UndefinedStep => StepStatus.Undefined,
        ScenarioExecutionStatus.Skipped => StepStatus.Skipped,
        // A binding may skip from a hook, where Reqnroll records an error: the runtime provider says what it was.
        _ when failure is ScenarioSkippedException => StepStatus.Skipped,
        _ => StepStatus.Failed,
    };

    /// <summary>The same scenario with the step trace that explains it.</summary>
    public FinishedScenario WithTrace(string trace) => Passed ? this : new(Status, Allowance, Failure, trace);

    /// <summary>One progress line for the console, as the scenario finishes.</summary>
    public string ProgressLine(string scenario) => (Outcome, Allowance.Kind, Status) switch
    {
        (ScenarioOutcome.Passed, _, _) => $"  ✓ {scenario}",
        (ScenarioOutcome.Skipped, _, _) => $"  - {scenario} (skipped)",
        (_, AllowanceKind.Advisory, _) => $"  ! {scenario} (advisory)",
        (_, AllowanceKind.Expected, _) => $"  ≈ {scenario} (expected failure)",
        (_, _, StepStatus.Undefined) => $"  ✗ {scenario} (undefined step)",
        _ => $"  ✗ {scenario}",
    };
}

/// <summary>What a run allows of a failed check: nothing, an advisory requirement not met, or a failure it expected and why.</summary>
public sealed record ScenarioAllowance(AllowanceKind Kind, string? Reason = null)
{
    public static ScenarioAllowance None { get; } = new(AllowanceKind.None);

    /// <summary>The scenario carries a warn-only tag: its failure is a warning.</summary>
    public static ScenarioAllowance Advisory { get; } = new(AllowanceKind.Advisory, "Advisory requirement not met");

    /// <summary>The run expects this failure (a known deviation): reported as a warning; the run's own verdict decides whether it fails.</summary>
    public static ScenarioAllowance Expected(string reason) => new(AllowanceKind.Expected, $"Expected failure ({reason})");
}

public enum AllowanceKind
{
    None,
    Advisory,
    Expected,
}

/// <summary>A failure the run allows: its message says why, then what failed.</summary>
public sealed class AllowedFailureException(ScenarioAllowance allowance, Exception failure)
    : Exception($"{allowance.Reason}: {failure.Message}", failure);
