using System.Text.Json;
using System.Text.Json.Serialization;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// <c>diagnose FILE [--json]</c>: reads a HAR, curl command lines or a raw HTTP request (<c>-</c>
/// for standard input) and prints, per OAuth or API request, what Klaviyo answers or will answer,
/// why, and how to fix it, in the guide's words. Exit 0: nothing wrong; 1: findings; 2: bad input
/// (one message, never a stack trace).
/// </summary>
public static class DiagnoseCommand
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    public const string Usage = """
        Usage: klaviyo-oauth-conformance diagnose <FILE|-> [--json]

          FILE     a HAR export (browser developer tools, Charles, Fiddler, mitmproxy), curl
                   command lines ("Copy as cURL"), or a raw HTTP request with its response; - reads
                   standard input
          --json   machine-readable output

        Prints, per request to Klaviyo's OAuth endpoints or API, what Klaviyo answers or will answer,
        why, and how to fix it, in the guide's words. Exit codes: 0 nothing wrong, 1 findings, 2 bad input.
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Run(IReadOnlyList<string> args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var json = args.Contains("--json");
        var files = args.Where(a => a != "--json").ToList();
        if (files.Count != 1 || (files[0].StartsWith('-') && files[0] != "-"))
        {
            stderr.WriteLine(files.Any(f => f is "--help" or "-h") ? Usage : "diagnose needs exactly one FILE (or - for standard input).\n\n" + Usage);
            return BadInput;
        }

        IReadOnlyList<RecordedExchange> exchanges;
        try
        {
            exchanges = files[0] == "-" ? TrafficReader.Read(stdin, "standard input") : TrafficReader.ReadFile(files[0]);
        }
        catch (TrafficFormatException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }

        var diagnoses = new Diagnostician().DiagnoseAll(exchanges).Where(d => d.Kind != RequestKind.Other).ToList();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(ToJson(files[0], exchanges.Count, diagnoses), Json));
        }
        else
        {
            DiagnosisText.Write(stdout, files[0] == "-" ? "standard input" : files[0], exchanges.Count, diagnoses);
        }

        return diagnoses.Any(d => !d.IsClean) ? Findings : Clean;
    }

    private static object ToJson(string source, int exchanges, List<Diagnosis> diagnoses) => new
    {
        source,
        exchanges,
        diagnosed = diagnoses.Count,
        withFindings = diagnoses.Count(d => !d.IsClean),
        requests = diagnoses.Select(d => new
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
    };
}
