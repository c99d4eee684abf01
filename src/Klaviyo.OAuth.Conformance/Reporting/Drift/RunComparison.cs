using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Reporting.Drift;

/// <summary>How a behaviour's verdict moved between two runs.</summary>
public enum VerdictMove
{
    /// <summary>From satisfied to not satisfied or advisory not met: fails <c>compare</c>.</summary>
    Regressed,

    /// <summary>From not met (or a known deviation) to satisfied.</summary>
    Improved,

    /// <summary>Any other move, e.g. satisfied to not verified: reported, not a regression.</summary>
    Changed,
}

/// <summary>One change of what the target answered to one request, in the scenarios of a behaviour.</summary>
/// <param name="Request">"POST /oauth/token".</param>
/// <param name="Change">"body gained field `scope`", "status 400 → 401", "request added (200)".</param>
/// <param name="Scenarios">The scenarios whose answers changed so.</param>
public sealed record ObservationChange(string Request, string Change, IReadOnlyList<string> Scenarios);

/// <summary>A behaviour whose verdict differs between the two runs, with what its answers did.</summary>
public sealed record VerdictChange(string Id, Verdict Old, Verdict New, VerdictMove Move, IReadOnlyList<ObservationChange> Observations);

/// <summary>A behaviour whose verdict stayed, and whose answers changed.</summary>
public sealed record ObservedDrift(string Id, Verdict Verdict, IReadOnlyList<ObservationChange> Changes);

/// <summary>A behaviour in one run's catalogue only.</summary>
public sealed record CatalogueChange(string Id, Verdict Verdict);

/// <summary>A run as the comparison names it: the file, the target, when, and by which tool.</summary>
public sealed record ComparedRunSummary(string File, string Target, DateTimeOffset? StartedAt, string? ToolVersion, int SchemaVersion, bool HasObservations);

/// <summary>What moved between two runs of the catalogue: the result of <see cref="RunComparer.Compare"/>.</summary>
public sealed record RunComparison(
    ComparedRunSummary Old,
    ComparedRunSummary New,
    IReadOnlyList<VerdictChange> VerdictChanges,
    IReadOnlyList<CatalogueChange> Added,
    IReadOnlyList<CatalogueChange> Gone,
    IReadOnlyList<ObservedDrift> ObservationChanges,
    IReadOnlyList<KnownDeviation> ExpiredDeviations,
    IReadOnlyList<string> SharedVerified)
{
    /// <summary>Both runs recorded observations, so answers were compared, not only verdicts.</summary>
    public bool ObservationsCompared => Old.HasObservations && New.HasObservations;

    /// <summary>Why only verdicts were compared; null when observations were compared too.</summary>
    public string? VerdictsOnlyNote => ObservationsCompared
        ? null
        : string.Join(" ", new[] { Old, New }.Where(run => !run.HasObservations).Distinct().Select(WhyNoObservations)) + " So verdicts compared only.";

    // A file from before observations were recorded, or a run that recorded no answer (it reached nothing, or every scenario was skipped).
    private static string WhyNoObservations(ComparedRunSummary run) => run.SchemaVersion < 2
        ? $"{run.File} has no observations: it was written before schema version 2."
        : $"{run.File} has no observations: its run recorded no answer from the target (nothing was reached, or every scenario was skipped).";

    public IEnumerable<VerdictChange> Regressions => VerdictChanges.Where(c => c.Move == VerdictMove.Regressed);

    public IEnumerable<VerdictChange> Improvements => VerdictChanges.Where(c => c.Move == VerdictMove.Improved);

    /// <summary>A behaviour went from satisfied to not satisfied or advisory not met, or a known deviation expired.</summary>
    public bool Regressed => Regressions.Any() || ExpiredDeviations.Count > 0;

    /// <summary>No behaviour was verified (satisfied, not satisfied, advisory not met, a deviation) in both runs: nothing to compare.</summary>
    public bool NothingShared => SharedVerified.Count == 0;

    /// <summary>Nothing moved at all: the same verdicts, the same catalogue, the same answers.</summary>
    public bool NothingChanged => VerdictChanges.Count == 0 && Added.Count == 0 && Gone.Count == 0 && ObservationChanges.Count == 0 && ExpiredDeviations.Count == 0;

    /// <summary>The outcome in one line.</summary>
    public string Outcome =>
        NothingShared ? "NOTHING TO COMPARE: the two runs share no verified behaviour."
        : Regressed ? $"REGRESSED: {Regressions.Count()} behaviour(s) no longer satisfied{(ExpiredDeviations.Count > 0 ? $", {ExpiredDeviations.Count} known deviation(s) expired" : string.Empty)}."
        : NothingChanged ? $"NO REGRESSION: nothing changed across the {SharedVerified.Count} behaviours verified in both runs."
        : $"NO REGRESSION: {VerdictChanges.Count} verdict(s) changed, {ObservationChanges.Count} behaviour(s) answered differently; none regressed.";
}
