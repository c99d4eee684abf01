using Klaviyo.OAuth.Guide;
using System.Reflection;
using Klaviyo.OAuth.Conformance.Reporting.Drift;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>
/// conformance.json as typed records: property order is the document's order (docs/conformance-report.md),
/// enums become their kebab-case names through the serializer's options, absent values stay null.
/// </summary>
public sealed record ConformanceDocument(
    int SchemaVersion,
    string? ToolVersion,
    ConformanceDocument.RunPart Run,
    ConformanceDocument.SummaryPart Summary,
    IReadOnlyList<ConformanceDocument.GroupPart> Groups,
    IReadOnlyList<ConformanceDocument.TipPart> TroubleshootingTips,
    IReadOnlyList<ConformanceDocument.RulePart> ClientConductRules,
    IReadOnlyList<ConformanceDocument.DefectPart> Defects)
{
    /// <summary>The version of the tool (and library) that writes the document, e.g. "0.1.0".</summary>
    public static string? CurrentToolVersion { get; } =
        typeof(ConformanceDocument).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    public static ConformanceDocument From(ConformanceMatrix matrix, int schemaVersion) => new(
        schemaVersion,
        CurrentToolVersion,
        RunPart.From(matrix.Run),
        SummaryPart.From(matrix),
        [.. matrix.Groups.Select(g => new GroupPart(g.Group, g.Title, [.. g.Rows.Select(BehaviourPart.From)]))],
        [.. matrix.TipRows.Select(TipPart.From)],
        [.. matrix.ConductRuleRows.Select(RulePart.From)],
        [.. matrix.Defects.Select(d => new DefectPart(d.Kind, d.Message, d.BehaviourId, d.Scenario, d.Uri))]);

    /// <summary>Seconds with millisecond precision: the figure people compare, without float noise.</summary>
    private static double? Seconds(TimeSpan? duration) =>
        duration is { } value ? Math.Round(value.TotalSeconds, 3) : null;

    public sealed record RunPart(
        string TargetKind,
        string? ApiBaseUrl,
        string? WebBaseUrl,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        double? DurationSeconds,
        string? SuiteVersion,
        string? Tool,
        string? Unreachable,
        string? SignIn,
        IReadOnlyList<RunPart>? Targets)
    {
        public static RunPart From(RunDescription run) => new(
            run.TargetKind,
            run.ApiBaseUrl,
            run.WebBaseUrl,
            run.StartedAt?.ToUniversalTime(),
            run.FinishedAt?.ToUniversalTime(),
            Seconds(run.Duration),
            run.SuiteVersion,
            run.Tool,
            run.Unreachable,
            run.SignIn,
            // Each target of a report merged from runs against different ones; absent otherwise.
            run.MergedTargets.Count > 0 ? [.. run.MergedTargets.Select(From)] : null);
    }

    public sealed record SummaryPart(
        int Behaviours,
        int Scenarios,
        IReadOnlyDictionary<Verdict, int> Verdicts,
        int SuiteDefects,
        int MalformedLines,
        bool FailsBuild,
        bool FailsBuildStrict,
        bool NothingVerified,
        IReadOnlyList<string> SettingsThatWouldVerifyMore,
        bool Interrupted = false)
    {
        public static SummaryPart From(ConformanceMatrix matrix) => new(
            matrix.Rows.Count,
            matrix.ScenarioCount,
            // Verdict order, so the counts read the same in every run.
            matrix.Counts.OrderBy(c => c.Key).ToDictionary(),
            matrix.Defects.Count,
            matrix.MalformedLines,
            matrix.FailsBuild(strictAdvisory: false),
            matrix.FailsBuild(strictAdvisory: true),
            matrix.NothingVerified,
            matrix.SettingsThatWouldVerifyMore,
            matrix.Interrupted);
    }

    public sealed record GroupPart(BehaviourGroup Group, string Title, IReadOnlyList<BehaviourPart> Behaviours);

    public sealed record BehaviourPart(
        string Id,
        RequirementLevel Level,
        bool Advisory,
        string Description,
        string Expected,
        string Reference,
        string WhyAndHowToFix,
        Verdict Verdict,
        IReadOnlyList<string> Reasons,
        DeviationPart? Deviation,
        IReadOnlyList<ScenarioPart> Scenarios)
    {
        public static BehaviourPart From(BehaviourRow row) => new(
            row.Behaviour.Id,
            row.Behaviour.Level,
            row.Behaviour.Level.IsAdvisory(),
            row.Behaviour.Description,
            row.Behaviour.Expected,
            row.Behaviour.Reference,
            row.Behaviour.WhyAndHowToFix,
            row.Verdict,
            row.Reasons,
            row.Deviation is { } entry ? new DeviationPart(entry.Reason, entry.Until, row.DeviationExpired) : null,
            [.. row.Scenarios.Select(ScenarioPart.From)]);
    }

    /// <summary>The known-deviations entry that lists a behaviour; <c>expired</c> when past its date (then the verdict is the behaviour's own).</summary>
    public sealed record DeviationPart(string Reason, DateOnly? Until, bool Expired);

    public sealed record ScenarioPart(
        string Name,
        string Uri,
        ScenarioOutcome Outcome,
        double? DurationSeconds,
        string? Reason,
        string? FailedStep,
        string? Evidence,
        IReadOnlyList<Observation>? Observations)
    {
        public static ScenarioPart From(ScenarioResult scenario) => new(
            scenario.Name,
            scenario.Uri,
            scenario.Outcome,
            Seconds(scenario.Duration),
            scenario.Reason,
            scenario.FailedStep,
            scenario.Evidence,
            scenario.Observations);
    }

    public sealed record TipPart(string Id, string Section, string Tip, Verdict Verdict, IReadOnlyList<EngineScenarioPart> Scenarios)
    {
        public static TipPart From(TipRow row) => new(
            row.Id,
            row.Tip.Section,
            row.Tip.Words,
            row.Verdict,
            EngineScenarioPart.Of(row));
    }

    public sealed record RulePart(string Id, RequirementLevel Level, string Rule, Verdict Verdict, IReadOnlyList<EngineScenarioPart> Scenarios)
    {
        public static RulePart From(ConductRuleRow row) => new(
            row.Id,
            row.Rule.Level,
            row.Rule.Rule,
            row.Verdict,
            EngineScenarioPart.Of(row));
    }

    /// <summary>A scenario of an engine's part (tips, client-conduct rules): it tests the guide's engine, not the target.</summary>
    public sealed record EngineScenarioPart(string Name, string Uri, ScenarioOutcome Outcome)
    {
        public static IReadOnlyList<EngineScenarioPart> Of(EnginePartRow row) => [.. row.Scenarios.Select(s => new EngineScenarioPart(s.Name, s.Uri, s.Outcome))];
    }

    public sealed record DefectPart(SuiteDefectKind Kind, string Message, string? BehaviourId, string? Scenario, string? Uri);
}
