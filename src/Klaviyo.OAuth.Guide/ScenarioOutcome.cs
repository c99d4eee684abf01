namespace Klaviyo.OAuth.Guide;

/// <summary>
/// How one scenario ended: the one classification, made by <see cref="StepStatus.Outcome"/> from the
/// Cucumber statuses of its steps. The runner asks it as each scenario ends (the console, the test
/// host, the run's pass or fail); the reports ask it of the same statuses in cucumber.ndjson.
/// What a run then allows (an advisory failure, a known deviation) is a verdict on top of it, not
/// another outcome.
/// </summary>
public enum ScenarioOutcome
{
    Passed,
    Failed,

    /// <summary>Not run to the end for a reason (a missing capability, an ignored or pending scenario).</summary>
    Skipped,
}

/// <summary>The statuses Cucumber gives a test step, and the rule that turns a scenario's steps into its outcome.</summary>
public static class StepStatus
{
    public const string Passed = "PASSED";
    public const string Failed = "FAILED";
    public const string Undefined = "UNDEFINED";
    public const string Ambiguous = "AMBIGUOUS";
    public const string Pending = "PENDING";
    public const string Skipped = "SKIPPED";
    public const string Unknown = "UNKNOWN";

    /// <summary>A step with this status fails its scenario: a failed check, or a step no binding (or more than one) matches.</summary>
    public static bool FailsScenario(string status) => status is Failed or Undefined or Ambiguous;

    /// <summary>
    /// The worst step wins: a step that fails the scenario fails it; otherwise a step that did not pass
    /// (skipped, pending, unknown) skips it; otherwise it passed.
    /// </summary>
    public static ScenarioOutcome Outcome(IEnumerable<string> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var outcome = ScenarioOutcome.Passed;
        foreach (var status in statuses)
        {
            if (FailsScenario(status))
            {
                return ScenarioOutcome.Failed;
            }

            if (status != Passed)
            {
                outcome = ScenarioOutcome.Skipped;
            }
        }

        return outcome;
    }
}
