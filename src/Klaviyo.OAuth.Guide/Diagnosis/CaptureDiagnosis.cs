using System.Text.Json;
using System.Text.Json.Serialization;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// The guide's diagnosis of a capture (a HAR, curl command lines or a raw HTTP exchange): per request
/// to Klaviyo's OAuth endpoints or API, what Klaviyo answers or will answer, why, and how to fix it.
/// Reading throws <see cref="TrafficFormatException"/> with one message naming what to fix.
/// </summary>
/// <param name="Source">What was read, as a person names it: the file, or "standard input".</param>
/// <param name="Exchanges">How many requests the capture held, to Klaviyo or not.</param>
/// <param name="Requests">The diagnoses of the requests to Klaviyo's OAuth endpoints or API, in capture order.</param>
public sealed record CaptureDiagnosis(string Source, int Exchanges, IReadOnlyList<Diagnosis> Requests)
{
    /// <summary>How standard input is named in messages.</summary>
    public const string StandardInput = "standard input";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>At least one request would be or was refused for a reason the guide gives.</summary>
    public bool HasFindings => Requests.Any(d => !d.IsClean);

    /// <summary>No request in the capture went to Klaviyo's OAuth endpoints or API: nothing was diagnosed.</summary>
    public bool NothingDiagnosed => Requests.Count == 0;

    /// <summary>Diagnoses these exchanges, keeping only those to Klaviyo.</summary>
    public static CaptureDiagnosis Of(string source, IReadOnlyList<RecordedExchange> exchanges, IServerKnowledge? server = null)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var diagnoses = new Diagnostician(server).DiagnoseAll(exchanges).Where(d => d.Kind != RequestKind.Other).ToList();
        return new CaptureDiagnosis(source, exchanges.Count, diagnoses);
    }

    /// <summary>Reads and diagnoses the capture in a file.</summary>
    public static CaptureDiagnosis ReadFile(string path) => Of(path, TrafficReader.ReadFile(path));

    /// <summary>Reads and diagnoses a capture from a stream (standard input).</summary>
    public static CaptureDiagnosis Read(Stream input, string source = StandardInput) => Of(source, TrafficReader.Read(input, source));

    /// <summary>The text a person reads: one block per request, the guide's words quoted, a summary last.</summary>
    public void WriteText(TextWriter output) => DiagnosisText.Write(output, Source, Exchanges, Requests);

    /// <summary>The machine-readable form (<c>--json</c>).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            source = Source,
            exchanges = Exchanges,
            diagnosed = Requests.Count,
            withFindings = Requests.Count(d => !d.IsClean),
            requests = Requests.Select(d => new
            {
                request = d.Request,
                url = d.Exchange.Url.GetLeftPart(UriPartial.Path),
                time = d.Exchange.Time,
                kind = d.Kind,
                status = d.Exchange.Response?.Status,
                answer = d.Answer,
                clientId = d.ClientId,
                findings = d.Findings.Select(FindingReport.From),
                unknowns = d.Unknowns,
            }),
        },
        Json);
}
