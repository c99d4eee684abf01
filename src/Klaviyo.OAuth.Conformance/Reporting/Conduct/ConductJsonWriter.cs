using Klaviyo.OAuth.Guide;
using System.Text.Json;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting.Conduct;

/// <summary>client-conduct.json: every rule with its level, verdict, situation and evidence, for tools.</summary>
public sealed class ConductJsonWriter : IReportWriter<ClientConductReport>
{
    public const string FileName = "client-conduct.json";

    string IReportWriter<ClientConductReport>.FileName => FileName;

    string IReportWriter<ClientConductReport>.Render(ClientConductReport report) => Render(report);

    /// <summary>The version of this file's JSON shape, written into it.</summary>
    public static int SchemaVersion => 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Render(ClientConductReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(
            new
            {
                schemaVersion = SchemaVersion,
                part = ClientConductReport.Title,
                source = report.Source,
                requests = report.Requests,
                unattributedRequests = report.Unattributed,
                noRequests = report.NoRequests,
                failsBuild = report.FailsBuild,
                counts = VerdictExtensions.OfClientRules.ToDictionary(v => v.Label(), report.Count),
                knownDeviations = report.Results.Count(report.IsKnownDeviation),
                deviationsResolved = report.Results.Count(report.IsDeviationResolved),
                rules = report.Results.Select(r => new
                {
                    id = r.Rule.Id,
                    level = ClientConductReport.Level(r),
                    rule = r.Rule.Rule,
                    source = r.Rule.Source,
                    verdict = report.State(r),
                    deviation = report.Deviations.Find(r.Rule.Id) is { } entry
                        ? new { reason = entry.Reason, until = entry.Until, expired = entry.ExpiredOn(report.Deviations.Today) }
                        : null,
                    exercised = r.Exercised,
                    situation = r.Situation,
                    evidence = r.Evidence.Select(e => new { index = e.Index, time = e.Time, request = e.Request, answer = e.Answer, breach = e.Breach, diagnosis = e.Diagnosis }),
                }),
            },
            Options);
    }
}
