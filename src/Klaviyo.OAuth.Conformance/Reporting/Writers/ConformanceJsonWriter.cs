using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>conformance.json: the matrix for machines. The schema is docs/conformance-report.md; bump <see cref="SchemaVersion"/> on any breaking change.</summary>
public sealed class ConformanceJsonWriter : IReportWriter<ConformanceMatrix>
{
    public const string FileName = "conformance.json";

    string IReportWriter<ConformanceMatrix>.FileName => FileName;

    string IReportWriter<ConformanceMatrix>.Render(ConformanceMatrix report) => Render(report);

    /// <summary>The version of this file's JSON shape, written into it. 2: observations per scenario and the tool's version.</summary>
    public static int SchemaVersion => 2;

    /// <summary>
    /// The document's shape: camelCase properties, verdicts, levels, groups, outcomes and defect kinds by
    /// their kebab-case names (NotSatisfied is "not-satisfied"), nulls written rather than left out.
    /// </summary>
    internal static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable em dashes and quotes; the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(MachineName.Policy, allowIntegerValues: false) },
    };

    public static void Write(ConformanceMatrix matrix, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        JsonSerializer.Serialize(stream, ConformanceDocument.From(matrix, SchemaVersion), SerializerOptions);
    }

    public static string Render(ConformanceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return Render(ConformanceDocument.From(matrix, SchemaVersion));
    }

    public static string Render(ConformanceDocument document) => JsonSerializer.Serialize(document, SerializerOptions);

    /// <summary>Reads a document this writer wrote, e.g. to compare two runs; null for the JSON literal null.</summary>
    public static ConformanceDocument? Read(string json) =>
        JsonSerializer.Deserialize<ConformanceDocument>(json, SerializerOptions);
}
