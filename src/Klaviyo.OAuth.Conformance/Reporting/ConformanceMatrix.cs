using Klaviyo.OAuth.Guide;
using System.Text.RegularExpressions;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>The rows of one catalogue group, in catalogue order.</summary>
public sealed record BehaviourGroupRows(BehaviourGroup Group, IReadOnlyList<BehaviourRow> Rows)
{
    public string Title => Group.DisplayName();
}

/// <summary>
/// Which catalogue behaviours the target satisfies: one row per catalogue id, grouped as the guide
/// is, plus the run's description and the defects of the suite itself.
/// </summary>
public sealed partial class ConformanceMatrix
{
    public ConformanceMatrix(
        RunDescription run,
        IReadOnlyList<BehaviourRow> rows,
        IReadOnlyList<SuiteDefect> defects,
        int scenarioCount,
        int malformedLines)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Run = run;
        Rows = rows;
        Defects = defects;
        ScenarioCount = scenarioCount;
        MalformedLines = malformedLines;
        Groups = [.. rows.GroupBy(r => r.Behaviour.Group).OrderBy(g => g.Key).Select(g => new BehaviourGroupRows(g.Key, [.. g]))];
        Counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => rows.Count(r => r.Verdict == v));
    }

    public RunDescription Run { get; }

    /// <summary>The "Troubleshooting tips" part: one row per tip of the guide, beside the behaviours.</summary>
    public IReadOnlyList<TipRow> TipRows { get; init; } = [];

    /// <summary>The "Client conduct rules" part: one row per client-conduct rule, beside the tips.</summary>
    public IReadOnlyList<ConductRuleRow> ConductRuleRows { get; init; } = [];

    /// <summary>The known-deviations file the rows were read with (none by default).</summary>
    public Deviations.KnownDeviations Deviations { get; init; } = Conformance.Deviations.KnownDeviations.None;

    /// <summary>Listed rows whose entry is past its date: they fail as if unlisted, and the console says why.</summary>
    public IEnumerable<BehaviourRow> RowsWithExpiredDeviation => Rows.Where(r => r.DeviationExpired);

    /// <summary>Every row, in catalogue order.</summary>
    public IReadOnlyList<BehaviourRow> Rows { get; }

    public IReadOnlyList<BehaviourGroupRows> Groups { get; }

    /// <summary>How many rows have each verdict; every verdict is a key.</summary>
    public IReadOnlyDictionary<Verdict, int> Counts { get; }

    /// <summary>Behaviours without a scenario, scenarios with an unknown id or none.</summary>
    public IReadOnlyList<SuiteDefect> Defects { get; }

    /// <summary>How many scenarios (pickles) the messages held.</summary>
    public int ScenarioCount { get; }

    /// <summary>Lines of the ndjson that could not be read and were skipped.</summary>
    public int MalformedLines { get; }

    public BehaviourRow? Row(string behaviourId) => Rows.FirstOrDefault(r => r.Id == behaviourId.TrimStart('@'));

    /// <summary>
    /// True when a documented or baseline behaviour is not satisfied, or a behaviour has no scenario;
    /// with <paramref name="strictAdvisory"/>, also when an advisory behaviour is not met. A run also
    /// fails when its target was unreachable or it verified nothing (<see cref="NothingVerified"/>):
    /// a green run must mean something was checked. Otherwise not-verified rows never fail a build.
    /// </summary>
    public bool FailsBuild(bool strictAdvisory = false) =>
        Unreachable || Interrupted || NothingVerified || Rows.Any(r => r.FailsBuild(strictAdvisory, Deviations.Strict));

    /// <summary>The messages started a run that never finished (stopped, killed, or cut short): what they do not reach was not verified, and the run fails.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The preflight could not reach the target: every behaviour is not verified, and the run fails.</summary>
    public bool Unreachable => Run.Unreachable is not null;

    /// <summary>
    /// No scenario of a documented behaviour passed or failed, although the run started such scenarios
    /// and skipped them. A run filtered down to other levels is not such a run (the pickles it left
    /// out never started).
    /// </summary>
    public bool NothingVerified
    {
        get
        {
            var documented = Rows.Where(r => r.Behaviour.Level == RequirementLevel.Documented).SelectMany(r => r.Scenarios).Where(s => s.Ran).ToList();
            return documented.Count > 0 && documented.All(s => s.Outcome == ScenarioOutcome.Skipped);
        }
    }

    /// <summary>The rows that are not verified, in catalogue order.</summary>
    public IEnumerable<BehaviourRow> RowsNotVerified => Rows.Where(r => r.Verdict == Verdict.NotVerified);

    /// <summary>The settings (<c>Conformance:Key</c>) that the skip reasons name: what would verify more.</summary>
    public IReadOnlyList<string> SettingsThatWouldVerifyMore =>
        RowsNotVerified.SelectMany(r => r.Reasons)
            .SelectMany(reason => SettingKey().Matches(reason).Select(m => m.Value))
            .Where(key => Settings.Contains(key["Conformance:".Length..]))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The rows that are not satisfied, in catalogue order (known deviations and resolved ones included).</summary>
    public IEnumerable<BehaviourRow> RowsNotSatisfied => Rows.Where(r => r.Verdict != Verdict.Satisfied);

    // Only real keys: a reason cut short for the console may end in half a key.
    private static readonly HashSet<string> Settings =
        Configuration.SettingKeys.All.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"Conformance:[A-Za-z]+")]
    private static partial Regex SettingKey();
}
