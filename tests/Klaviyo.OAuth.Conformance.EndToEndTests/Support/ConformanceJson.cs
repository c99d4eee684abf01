using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>A scenario row of reports/conformance.json.</summary>
public sealed record ScenarioRow(string Name, string Outcome, string? Reason, string? Evidence);

/// <summary>A behaviour row of reports/conformance.json: its id, verdict, skip reasons and scenarios.</summary>
public sealed record BehaviourRow(string Id, string Level, string Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<ScenarioRow> Scenarios);

/// <summary>The parts of reports/conformance.json (docs/conformance-report.md, schema version 2) these tests read.</summary>
public sealed record ConformanceJson(int SchemaVersion, string TargetKind, bool FailsBuild, IReadOnlyDictionary<string, int> Verdicts, IReadOnlyList<BehaviourRow> Behaviours, double? DurationSeconds = null, string? SignIn = null)
{
    public BehaviourRow this[string id] => Behaviours.Single(b => b.Id == id);

    public static ConformanceJson Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var summary = root.GetProperty("summary");
        return new ConformanceJson(
            root.GetProperty("schemaVersion").GetInt32(),
            root.GetProperty("run").GetProperty("targetKind").GetString()!,
            summary.GetProperty("failsBuild").GetBoolean(),
            summary.GetProperty("verdicts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            root.GetProperty("groups").EnumerateArray()
                .SelectMany(group => group.GetProperty("behaviours").EnumerateArray())
                .Select(Behaviour)
                .ToList(),
            root.GetProperty("run").GetProperty("durationSeconds") is { ValueKind: JsonValueKind.Number } seconds ? seconds.GetDouble() : null,
            root.GetProperty("run").TryGetProperty("signIn", out var signIn) && signIn.ValueKind == JsonValueKind.String ? signIn.GetString() : null);
    }

    private static BehaviourRow Behaviour(JsonElement row) => new(
        row.GetProperty("id").GetString()!,
        row.GetProperty("level").GetString()!,
        row.GetProperty("verdict").GetString()!,
        row.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList(),
        row.GetProperty("scenarios").EnumerateArray()
            .Select(s => new ScenarioRow(
                s.GetProperty("name").GetString()!,
                s.GetProperty("outcome").GetString()!,
                s.GetProperty("reason").GetString(),
                s.GetProperty("evidence").GetString()))
            .ToList());
}
