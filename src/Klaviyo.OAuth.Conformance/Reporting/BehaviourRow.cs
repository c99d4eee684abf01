using Klaviyo.OAuth.Guide;
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

    /// <summary>The known-deviations entry that lists this behaviour, expired or not; null when unlisted.</summary>
    public Deviations.KnownDeviation? Deviation { get; init; }

    /// <summary>Listed, but past the entry's date: the verdict is the behaviour's own, as if unlisted.</summary>
    public bool DeviationExpired { get; init; }

    public IEnumerable<ScenarioResult> Failures => Scenarios.Where(s => s.Outcome == ScenarioOutcome.Failed);

    /// <summary>Whether this row alone fails a build.</summary>
    public bool FailsBuild(bool strictAdvisory, bool strictDeviations = false) => Verdict switch
    {
        Verdict.NotSatisfied or Verdict.NoScenario => true,
        Verdict.AdvisoryNotMet => strictAdvisory,
        Verdict.DeviationResolved => strictDeviations,
        _ => false,
    };

    /// <summary>
    /// The row as the known-deviations file has it: not met becomes a known deviation, satisfied a
    /// deviation resolved; an expired entry changes nothing but is named; not verified stays so.
    /// </summary>
    public BehaviourRow ListedIn(Deviations.KnownDeviations deviations)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        if (deviations.Find(Id) is not { } entry)
        {
            return this;
        }

        if (entry.ExpiredOn(deviations.Today))
        {
            return this with { Deviation = entry, DeviationExpired = true };
        }

        return Verdict switch
        {
            Verdict.NotSatisfied or Verdict.AdvisoryNotMet => this with { Verdict = Verdict.KnownDeviation, Deviation = entry },
            Verdict.Satisfied => this with { Verdict = Verdict.DeviationResolved, Deviation = entry },
            _ => this with { Deviation = entry },
        };
    }

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
