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
public sealed class ConformanceMatrix
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
    /// with <paramref name="strictAdvisory"/>, also when an advisory behaviour is not met.
    /// Not-verified rows never fail a build.
    /// </summary>
    public bool FailsBuild(bool strictAdvisory = false) => Rows.Any(r => r.FailsBuild(strictAdvisory));

    /// <summary>The rows that are not satisfied, in catalogue order.</summary>
    public IEnumerable<BehaviourRow> RowsNotSatisfied => Rows.Where(r => r.Verdict != Verdict.Satisfied);
}
