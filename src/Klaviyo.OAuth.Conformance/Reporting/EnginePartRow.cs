using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// One row of a part of the reports whose scenarios test the guide's own engines (the diagnosis's
/// tips, the client-conduct rules), not the target: its verdict never decides whether a target
/// conforms.
/// </summary>
public abstract record EnginePartRow(Verdict Verdict, IReadOnlyList<ScenarioResult> Scenarios)
{
    public abstract string Id { get; }

    /// <summary>Where the row sits: the tip's section of the guide, or the rule's level.</summary>
    public abstract string Section { get; }

    /// <summary>The guide's tip, or what the rule asks of an app.</summary>
    public abstract string Words { get; }

    /// <summary>Not verified without scenarios or with one skipped, not satisfied when one failed.</summary>
    protected static Verdict VerdictOf(IReadOnlyList<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return scenarios.Count == 0 ? Verdict.NotVerified
            : scenarios.Any(s => s.Outcome == ScenarioOutcome.Failed) ? Verdict.NotSatisfied
            : scenarios.Any(s => s.Outcome == ScenarioOutcome.Skipped) ? Verdict.NotVerified
            : Verdict.Satisfied;
    }

    /// <summary>"3 passed, 1 failed", or "not run in this run".</summary>
    public string ScenarioTally() =>
        Scenarios.Count == 0
            ? "not run in this run"
            : string.Join(", ", Enum.GetValues<ScenarioOutcome>()
                .Select(o => (o, n: Scenarios.Count(s => s.Outcome == o)))
                .Where(x => x.n > 0)
                .Select(x => $"{x.n} {x.o.ToString().ToLowerInvariant()}"));
}
