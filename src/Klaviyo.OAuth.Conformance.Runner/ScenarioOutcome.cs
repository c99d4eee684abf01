namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// How one scenario ended, decided in one place from what Reqnroll threw: passed, failed, undefined
/// (fails with the snippet), pending, skipped (ignored, or a missing capability), or advisory (a
/// failure that is only a warning). Hosts report it their own way (NUnit results, console lines).
/// </summary>
public sealed class ScenarioOutcome
{
    private ScenarioOutcome(ScenarioOutcomeKind kind, Exception? failure, string trace)
    {
        Kind = kind;
        Failure = failure;
        Trace = trace;
    }

    public ScenarioOutcomeKind Kind { get; }

    /// <summary>What was thrown, for every outcome but a pass.</summary>
    public Exception? Failure { get; }

    /// <summary>Reqnroll's step trace when the scenario did not pass; empty when it passed.</summary>
    public string Trace { get; }

    public bool Passed => Kind == ScenarioOutcomeKind.Passed;

    /// <summary>Whether the outcome fails a run: a failure or an undefined step.</summary>
    public bool FailsRun => Kind is ScenarioOutcomeKind.Failed or ScenarioOutcomeKind.Undefined;

    public static ScenarioOutcome Pass { get; } = new(ScenarioOutcomeKind.Passed, null, string.Empty);

    /// <param name="expectedBecause">Why this scenario is expected to fail (a known deviation's reason), or null.</param>
    public static ScenarioOutcome Of(Exception failure, bool undefinedStep, bool warnOnly, string? expectedBecause = null) => failure switch
    {
        PendingOrUndefinedStepsException when undefinedStep => new(ScenarioOutcomeKind.Undefined, failure, string.Empty),
        PendingOrUndefinedStepsException => new(ScenarioOutcomeKind.Pending, failure, string.Empty),
        ScenarioSkippedException => new(ScenarioOutcomeKind.Skipped, failure, string.Empty),
        _ when expectedBecause is not null => new(ScenarioOutcomeKind.Expected, new ExpectedFailureException(expectedBecause, failure), string.Empty),
        _ when warnOnly => new(ScenarioOutcomeKind.Advisory, failure, string.Empty),
        _ => new(ScenarioOutcomeKind.Failed, failure, string.Empty),
    };

    /// <summary>The same outcome with the step trace that explains it.</summary>
    public ScenarioOutcome WithTrace(string trace) => Passed ? this : new(Kind, Failure, trace);

    /// <summary>One progress line for the console, as the scenario finishes.</summary>
    public string ProgressLine(string scenario) => Kind switch
    {
        ScenarioOutcomeKind.Passed => $"  ✓ {scenario}",
        ScenarioOutcomeKind.Failed => $"  ✗ {scenario}",
        ScenarioOutcomeKind.Undefined => $"  ✗ {scenario} (undefined step)",
        ScenarioOutcomeKind.Advisory => $"  ! {scenario} (advisory)",
        ScenarioOutcomeKind.Expected => $"  ≈ {scenario} (expected failure)",
        _ => $"  - {scenario} (skipped)",
    };
}

public enum ScenarioOutcomeKind
{
    Passed,
    Failed,
    Undefined,
    Pending,
    Skipped,
    Advisory,

    /// <summary>A failure the run expected (a known deviation): reported as a warning; the run's own verdict decides whether it fails.</summary>
    Expected,
}

/// <summary>A failure the run expected: its message says why, then what failed.</summary>
public sealed class ExpectedFailureException(string reason, Exception failure)
    : Exception($"Expected failure ({reason}): {failure.Message}", failure);
