using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>One row of the matrix: a catalogue behaviour, its verdict and the scenarios behind it.</summary>
/// <param name="Reasons">Distinct skip reasons when <see cref="Verdict"/> is NotVerified; otherwise empty.</param>
public sealed record BehaviourRow(
    Behaviour Behaviour,
    Verdict Verdict,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<string> Reasons)
{
    public string Id => Behaviour.Id;

    public IEnumerable<ScenarioResult> Failures => Scenarios.Where(s => s.Outcome == ScenarioOutcome.Failed);

    /// <summary>Whether this row alone fails a build.</summary>
    public bool FailsBuild(bool strictAdvisory) => Verdict switch
    {
        Verdict.NotSatisfied or Verdict.NoScenario => true,
        Verdict.AdvisoryNotMet => strictAdvisory,
        _ => false,
    };

    /// <summary>"3 passed, 1 failed": the scenario outcomes in brief.</summary>
    public string ScenarioTally()
    {
        if (Scenarios.Count == 0)
        {
            return "none";
        }

        var parts = new List<string>(3);
        foreach (var outcome in Enum.GetValues<ScenarioOutcome>())
        {
            var count = Scenarios.Count(s => s.Outcome == outcome);
            if (count > 0)
            {
                parts.Add($"{count} {outcome.ToString().ToLowerInvariant()}");
            }
        }

        return string.Join(", ", parts);
    }
}
