using Klaviyo.OAuth.Guide.Tips;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// One row of the reports' "Troubleshooting tips" part: a tip of the guide and the scenarios that
/// show requests diagnosed with it. A tip's scenarios test the diagnosis engine, not the target,
/// so its verdict never decides whether a target conforms.
/// </summary>
public sealed record TipRow(Tip Tip, Verdict Verdict, IReadOnlyList<ScenarioResult> Scenarios)
{
    public string Id => Tip.Id;

    public static TipRow For(Tip tip, IReadOnlyList<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(scenarios);
        var verdict = scenarios.Count == 0 ? Verdict.NotVerified
            : scenarios.Any(s => s.Outcome == ScenarioOutcome.Failed) ? Verdict.NotSatisfied
            : scenarios.Any(s => s.Outcome == ScenarioOutcome.Skipped) ? Verdict.NotVerified
            : Verdict.Satisfied;
        return new TipRow(tip, verdict, scenarios);
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
