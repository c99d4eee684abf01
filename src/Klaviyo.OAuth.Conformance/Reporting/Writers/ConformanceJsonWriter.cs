using System.Text.Encodings.Web;
using System.Text.Json;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>conformance.json: the matrix for machines. The schema is docs/conformance-report.md; bump <see cref="SchemaVersion"/> on any breaking change.</summary>
public static class ConformanceJsonWriter
{
    public const string FileName = "conformance.json";
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Readable em dashes and quotes; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ConformanceMatrix matrix, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        WriteRun(json, matrix.Run);
        WriteSummary(json, matrix);

        json.WriteStartArray("groups");
        foreach (var group in matrix.Groups)
        {
            json.WriteStartObject();
            json.WriteString("group", group.Group.Key());
            json.WriteString("title", group.Title);
            json.WriteStartArray("behaviours");
            foreach (var row in group.Rows)
            {
                WriteRow(json, row);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteEnginePart(json, "troubleshootingTips", "section", "tip", matrix.TipRows);
        WriteEnginePart(json, "clientConductRules", "level", "rule", matrix.ConductRuleRows);

        json.WriteStartArray("defects");
        foreach (var defect in matrix.Defects)
        {
            json.WriteStartObject();
            json.WriteString("kind", defect.KindKey);
            json.WriteString("message", defect.Message);
            json.WriteString("behaviourId", defect.BehaviourId);
            json.WriteString("scenario", defect.Scenario);
            json.WriteString("uri", defect.Uri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Render(ConformanceMatrix matrix)
    {
        using var stream = new MemoryStream();
        Write(matrix, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRun(Utf8JsonWriter json, RunDescription run)
    {
        json.WriteStartObject("run");
        json.WriteString("targetKind", run.TargetKind);
        json.WriteString("apiBaseUrl", run.ApiBaseUrl);
        json.WriteString("webBaseUrl", run.WebBaseUrl);
        WriteTime(json, "startedAt", run.StartedAt);
        WriteTime(json, "finishedAt", run.FinishedAt);
        WriteSeconds(json, "durationSeconds", run.Duration);
        json.WriteString("suiteVersion", run.SuiteVersion);
        json.WriteString("tool", run.Tool);
        json.WriteString("unreachable", run.Unreachable);
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, ConformanceMatrix matrix)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("behaviours", matrix.Rows.Count);
        json.WriteNumber("scenarios", matrix.ScenarioCount);
        json.WriteStartObject("verdicts");
        foreach (var (verdict, count) in matrix.Counts.OrderBy(c => c.Key))
        {
            json.WriteNumber(verdict.Key(), count);
        }

        json.WriteEndObject();
        json.WriteNumber("suiteDefects", matrix.Defects.Count);
        json.WriteNumber("malformedLines", matrix.MalformedLines);
        json.WriteBoolean("failsBuild", matrix.FailsBuild(strictAdvisory: false));
        json.WriteBoolean("failsBuildStrict", matrix.FailsBuild(strictAdvisory: true));
        json.WriteBoolean("nothingVerified", matrix.NothingVerified);
        json.WriteStartArray("settingsThatWouldVerifyMore");
        foreach (var setting in matrix.SettingsThatWouldVerifyMore)
        {
            json.WriteStringValue(setting);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, BehaviourRow row)
    {
        var behaviour = row.Behaviour;
        json.WriteStartObject();
        json.WriteString("id", behaviour.Id);
        json.WriteString("level", behaviour.Level.Key());
        json.WriteBoolean("advisory", behaviour.Level.IsAdvisory());
        json.WriteString("description", behaviour.Description);
        json.WriteString("expected", behaviour.Expected);
        json.WriteString("reference", behaviour.Reference);
        json.WriteString("whyAndHowToFix", behaviour.WhyAndHowToFix);
        json.WriteString("verdict", row.Verdict.Key());
        json.WriteStartArray("reasons");
        foreach (var reason in row.Reasons)
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WriteStartArray("scenarios");
        foreach (var scenario in row.Scenarios)
        {
            WriteScenarioStart(json, scenario);
            WriteSeconds(json, "durationSeconds", scenario.Duration);
            json.WriteString("reason", scenario.Reason);
            json.WriteString("failedStep", scenario.FailedStep);
            json.WriteString("evidence", scenario.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.ToUniversalTime());
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteSeconds(Utf8JsonWriter json, string name, TimeSpan? duration)
    {
        if (duration is { } value)
        {
            json.WriteNumber(name, Math.Round(value.TotalSeconds, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // The parts whose scenarios test the guide's engines (tips, client-conduct rules), not the target.
    private static void WriteEnginePart(Utf8JsonWriter json, string name, string section, string words, IReadOnlyList<EnginePartRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("id", row.Id);
            json.WriteString(section, row.Section);
            json.WriteString(words, row.Words);
            json.WriteString("verdict", row.Verdict.Key());
            json.WriteStartArray("scenarios");
            foreach (var scenario in row.Scenarios)
            {
                WriteScenarioStart(json, scenario);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // Opens a scenario's object with what every part says of it: name, feature file, outcome.
    private static void WriteScenarioStart(Utf8JsonWriter json, ScenarioResult scenario)
    {
        json.WriteStartObject();
        json.WriteString("name", scenario.Name);
        json.WriteString("uri", scenario.Uri);
        json.WriteString("outcome", scenario.Outcome.ToString().ToLowerInvariant());
    }
}
