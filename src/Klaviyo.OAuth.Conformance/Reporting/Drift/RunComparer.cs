using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Conformance.Reporting.Writers;

namespace Klaviyo.OAuth.Conformance.Reporting.Drift;

/// <summary>
/// Compares two runs of the catalogue: verdicts that moved (both ways), behaviours that came or went,
/// and, where both runs recorded observations, what the target answered differently. Only
/// observations are compared, never values: they hold no token, id, date or code.
/// </summary>
public static class RunComparer
{
    public static RunComparison Compare(ComparedRun old, ComparedRun @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var before = old.Behaviours.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var after = @new.Behaviours.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var observed = old.HasObservations && @new.HasObservations;

        var verdictChanges = new List<VerdictChange>();
        var drift = new List<ObservedDrift>();
        var expired = new List<KnownDeviation>();
        foreach (var (id, now) in after)
        {
            if (!before.TryGetValue(id, out var was))
            {
                continue;
            }

            var changes = observed ? Changes(was, now) : [];
            // Not verified and no scenario alike say nothing of the target (a cucumber.ndjson alone does
            // not know which behaviours a filter left out): a move between them is no drift.
            if (was.Verdict != now.Verdict && (Verified(was.Verdict) || Verified(now.Verdict)))
            {
                verdictChanges.Add(new VerdictChange(id, was.Verdict, now.Verdict, Move(was.Verdict, now.Verdict), changes));
            }
            else if (changes.Count > 0)
            {
                drift.Add(new ObservedDrift(id, now.Verdict, changes));
            }

            if (now.Deviation is { Expired: true } entry && was.Deviation is not { Expired: true })
            {
                expired.Add(new KnownDeviation(id, entry.Reason, entry.Until));
            }
        }

        return new RunComparison(
            Summary(old),
            Summary(@new),
            verdictChanges,
            [.. after.Values.Where(b => !before.ContainsKey(b.Id)).Select(b => new CatalogueChange(b.Id, b.Verdict))],
            [.. before.Values.Where(b => !after.ContainsKey(b.Id)).Select(b => new CatalogueChange(b.Id, b.Verdict))],
            drift,
            expired,
            [.. after.Values.Where(b => Verified(b.Verdict) && before.TryGetValue(b.Id, out var was) && Verified(was.Verdict)).Select(b => b.Id)]);
    }

    /// <summary>Satisfied, not satisfied, advisory not met, or a deviation: the run learned something about the behaviour.</summary>
    public static bool Verified(Verdict verdict) => verdict is not (Verdict.NotVerified or Verdict.NoScenario);

    public static VerdictMove Move(Verdict old, Verdict @new) => (Met(old), @new) switch
    {
        (true, Verdict.NotSatisfied or Verdict.AdvisoryNotMet) => VerdictMove.Regressed,
        (false, _) when Met(@new) && old is Verdict.NotSatisfied or Verdict.AdvisoryNotMet or Verdict.KnownDeviation => VerdictMove.Improved,
        _ => VerdictMove.Changed,
    };

    private static bool Met(Verdict verdict) => verdict is Verdict.Satisfied or Verdict.DeviationResolved;

    private static ComparedRunSummary Summary(ComparedRun run) => new(
        run.File,
        run.Document.Run.TargetKind + (run.Document.Run.ApiBaseUrl is { } api ? $" ({api})" : string.Empty),
        run.Document.Run.StartedAt,
        run.Document.ToolVersion,
        run.Document.SchemaVersion,
        run.HasObservations);

    /// <summary>
    /// The answers that changed, over the scenarios that ran in both runs (a skipped scenario sent
    /// nothing to compare). Requests are paired by their method and path, in order, so one request
    /// added early does not shift every other.
    /// </summary>
    private static List<ObservationChange> Changes(ConformanceDocument.BehaviourPart was, ConformanceDocument.BehaviourPart now)
    {
        var found = new List<(string Request, string Change, string Scenario)>();
        var earlier = was.Scenarios.Where(Ran).GroupBy(s => (s.Uri, s.Name)).ToDictionary(g => g.Key, g => g.First());
        foreach (var scenario in now.Scenarios.Where(Ran))
        {
            if (!earlier.TryGetValue((scenario.Uri, scenario.Name), out var before))
            {
                continue;
            }

            var old = (before.Observations ?? []).GroupBy(o => o.Request, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var @new = (scenario.Observations ?? []).GroupBy(o => o.Request, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var request in old.Keys.Union(@new.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var a = old.GetValueOrDefault(request) ?? [];
                var b = @new.GetValueOrDefault(request) ?? [];
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var changes = (i < a.Count, i < b.Count) switch
                    {
                        (true, true) => b[i].ChangesSince(a[i]),
                        (false, true) => [$"request added ({b[i].Brief()})"],
                        _ => [$"request gone (was {a[i].Brief()})"],
                    };
                    found.AddRange(changes.Select(c => (request, c, scenario.Name)));
                }
            }
        }

        return [.. found.GroupBy(f => (f.Request, f.Change))
            .Select(g => new ObservationChange(g.Key.Request, g.Key.Change, [.. g.Select(f => f.Scenario).Distinct(StringComparer.Ordinal)]))];
    }

    private static bool Ran(ConformanceDocument.ScenarioPart scenario) => scenario.Outcome != ScenarioOutcome.Skipped;
}
