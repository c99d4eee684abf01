using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Reporting.Messages;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Tips;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>Turns the Cucumber messages of a run into the conformance matrix.</summary>
public sealed class ConformanceMatrixBuilder(ReportOptions? options = null)
{
    /// <summary>Why a behaviour that has scenarios has no result: the run was filtered.</summary>
    public const string NotRunReason = "Not run in this run: its scenarios were filtered out.";

    /// <summary>Why a behaviour has no result in the messages of a run that never finished: they end before its scenarios.</summary>
    public const string InterruptedReason = "Not reached: the run was interrupted before its scenarios ran.";

    private readonly ReportOptions options = options ?? ReportOptions.Default;

    public ConformanceMatrix Build(TextReader ndjson, RunDescription? run = null)
    {
        ArgumentNullException.ThrowIfNull(ndjson);
        return Build([ndjson], run);
    }

    /// <summary>
    /// One matrix from several runs (a CI matrix that split the catalogue by tag across jobs): each
    /// run's messages are read on their own, since ids repeat across runs, and their scenarios pooled.
    /// </summary>
    public ConformanceMatrix Build(IReadOnlyList<TextReader> runs, RunDescription? run = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var read = runs.Select(CucumberMessageReader.Read).ToList();
        var reader = new ScenarioResultReader(new Evidence(options));
        var results = Pool(read.Select(reader.Read).ToList());
        var messages = new CucumberRun
        {
            StartedAt = read.Min(r => r.StartedAt),
            FinishedAt = read.Max(r => r.FinishedAt),
            Tool = read.Select(r => r.Tool).FirstOrDefault(t => t is not null),
            MalformedLines = read.Sum(r => r.MalformedLines),
        };

        // Messages that started a run and never finished it end wherever the run was stopped.
        var interrupted = read.Any(r => r.StartedAt is not null && r.FinishedAt is null);
        var defects = new List<SuiteDefect>();
        var rows = new List<BehaviourRow>(BehaviourCatalogue.All.Count);
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            var scenarios = results.Where(s => s.BehaviourIds.Contains(behaviour.Id, StringComparer.Ordinal)).ToList();
            var row = RowFor(behaviour, scenarios, interrupted).ListedIn(options.Deviations);
            if (row.Verdict == Verdict.NoScenario)
            {
                defects.Add(new SuiteDefect(SuiteDefectKind.NoScenario, $"No scenario is tagged {behaviour.Tag}.", behaviour.Id));
            }

            rows.Add(row);
        }

        defects.AddRange(ScenarioDefects(results));
        // An engine's part is there when the run listed its scenarios: a run against a remote target
        // leaves them out, and its reports then speak only of the target.
        List<TipRow> tips = results.Any(s => s.IsDiagnosis)
            ? [.. TipCatalogue.All.Select(tip => TipRow.For(tip, results.Where(s => s.TipIds.Contains(tip.Id, StringComparer.Ordinal)).ToList()))]
            : [];
        List<ConductRuleRow> conduct = results.Any(s => s.IsConduct)
            ? [.. ClientRuleCatalogue.All.Select(rule => ConductRuleRow.For(rule, results.Where(s => s.ConductRuleIds.Contains(rule.Id, StringComparer.Ordinal)).ToList()))]
            : [];

        var description = (run ?? RunDescription.Unknown).CompletedWith(messages.StartedAt, messages.FinishedAt, messages.Tool);
        return new ConformanceMatrix(description, rows, defects, results.Count, messages.MalformedLines)
        {
            TipRows = tips,
            ConductRuleRows = conduct,
            Deviations = options.Deviations,
            Interrupted = interrupted,
        };
    }

    // Every run lists every pickle of the features it touched, run or not: a scenario that ran in one
    // run replaces its "did not run" entries in the others, and one that ran nowhere is listed once.
    private static List<ScenarioResult> Pool(List<List<ScenarioResult>> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0];
        }

        static (string Uri, string Name) Key(ScenarioResult s) => (s.Uri, s.Name);
        static bool Ran(ScenarioResult s) => s.Ran;
        var ranSomewhere = runs.SelectMany(r => r).Where(Ran).Select(Key).ToHashSet();
        var listedAsNotRun = new HashSet<(string, string)>();
        var pooled = new List<ScenarioResult>();
        foreach (var run in runs)
        {
            pooled.AddRange(run.Where(Ran));
            var notRun = run.Where(s => !Ran(s) && !ranSomewhere.Contains(Key(s)) && !listedAsNotRun.Contains(Key(s))).ToList();
            pooled.AddRange(notRun);
            listedAsNotRun.UnionWith(notRun.Select(Key));
        }

        return pooled;
    }

    private BehaviourRow RowFor(Behaviour behaviour, List<ScenarioResult> scenarios, bool interrupted)
    {
        if (scenarios.Count == 0)
        {
            // No scenario in the messages: the run ended before them, a filter left them out, or none exists.
            return interrupted ? new BehaviourRow(behaviour, Verdict.NotVerified, scenarios, [InterruptedReason])
                : options.CoveredBehaviourIds?.Contains(behaviour.Id) == true ? new BehaviourRow(behaviour, Verdict.NotVerified, scenarios, [NotRunReason])
                : new BehaviourRow(behaviour, Verdict.NoScenario, scenarios, []);
        }

        if (scenarios.Any(s => s.Outcome == ScenarioOutcome.Failed))
        {
            var verdict = behaviour.Level.IsAdvisory() ? Verdict.AdvisoryNotMet : Verdict.NotSatisfied;
            return new BehaviourRow(behaviour, verdict, scenarios, []);
        }

        var skipped = scenarios.Where(s => s.Outcome == ScenarioOutcome.Skipped).ToList();
        if (skipped.Count > 0)
        {
            // A scenario of a feature the run touched but a filter left out reads as a behaviour the run left out.
            var reasons = skipped.Select(s => !s.Ran ? NotRunReason : s.Reason ?? "Skipped without a reason.").Distinct(StringComparer.Ordinal).ToList();
            return new BehaviourRow(behaviour, Verdict.NotVerified, scenarios, reasons);
        }

        return new BehaviourRow(behaviour, Verdict.Satisfied, scenarios, []);
    }

    private static IEnumerable<SuiteDefect> ScenarioDefects(IEnumerable<ScenarioResult> results)
    {
        foreach (var scenario in results)
        {
            var ids = scenario.BehaviourIds.ToList();
            if (ids.Count == 0 && !scenario.IsDiagnosis && !scenario.IsConduct)
            {
                yield return new SuiteDefect(SuiteDefectKind.ScenarioWithoutBehaviour,
                    $"Scenario \"{scenario.Name}\" names no behaviour id.", Scenario: scenario.Name, Uri: scenario.Uri);
            }

            foreach (var id in ids.Where(id => BehaviourCatalogue.Find(id) is null))
            {
                yield return new SuiteDefect(SuiteDefectKind.UnknownBehaviourId,
                    $"Scenario \"{scenario.Name}\" is tagged @{id}, which is not in the catalogue.", id, scenario.Name, scenario.Uri);
            }
        }
    }
}
