using Klaviyo.OAuth.Guide;
using System.Text;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting.Conduct;

/// <summary>
/// The "Client conduct" part: how one app's traffic fares against every client-conduct rule.
/// Written as client-conduct.json, .md, .html and a JUnit file beside the server's reports.
/// </summary>
/// <param name="Source">Where the traffic came from: a file name or the emulator and client id (never a secret).</param>
/// <param name="Requests">How many requests were graded.</param>
/// <param name="Results">Every rule's verdict, in the catalogue's order.</param>
public sealed record ClientConductReport(string Source, int Requests, IReadOnlyList<ConductResult> Results)
{
    public const string Title = "Client conduct";

    /// <summary>Rules the app is known to break on purpose (<c>grade --deviations</c>); none by default.</summary>
    public Deviations.KnownDeviations Deviations { get; init; } = Conformance.Deviations.KnownDeviations.None;

    /// <summary>
    /// For an emulator's journal: how many requests to Klaviyo's endpoints it could attribute to no
    /// app (none of them is graded); null for a capture, whose requests are all the app's.
    /// </summary>
    public int? Unattributed { get; init; }

    /// <summary>No request of the app was found: nothing was graded, which is no pass.</summary>
    public bool NoRequests => Requests == 0;

    /// <summary>A documented rule is not satisfied and not a known deviation, or (strict) a listed rule is kept: the run fails CI.</summary>
    public bool FailsBuild =>
        Results.Any(r => r.FailsBuild && !IsKnownDeviation(r)) || (Deviations.Strict && Results.Any(IsDeviationResolved));

    /// <summary>Broken, and listed in the known-deviations file with a date not past.</summary>
    public bool IsKnownDeviation(ConductResult result) =>
        result.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet && ActiveEntry(result) is not null;

    /// <summary>Kept, though listed in the known-deviations file: the entry can go.</summary>
    public bool IsDeviationResolved(ConductResult result) =>
        result.Verdict == Verdict.Satisfied && ActiveEntry(result) is not null;

    /// <summary>The rule's state in the reports: its verdict, or the known-deviations file's word for it.</summary>
    public string State(ConductResult result) =>
        IsKnownDeviation(result) ? Verdict.KnownDeviation.Label()
        : IsDeviationResolved(result) ? Verdict.DeviationResolved.Label()
        : result.Verdict.Label();

    /// <summary>The listed reason, with its date, or for an expired entry that it expired; null for an unlisted rule.</summary>
    public string? DeviationNote(ConductResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Deviations.Find(result.Rule.Id) is { } entry ? entry.Describe(entry.ExpiredOn(Deviations.Today)) : null;
    }

    private Deviations.KnownDeviation? ActiveEntry(ConductResult result) =>
        Deviations.Find(result.Rule.Id) is { } entry && !entry.ExpiredOn(Deviations.Today) ? entry : null;

    public int Count(Verdict verdict) => Results.Count(r => r.Verdict == verdict && !IsKnownDeviation(r) && !IsDeviationResolved(r));

    /// <summary>"9 satisfied · 1 not satisfied · …", and the deviation states when a known-deviations file was given.</summary>
    public string Counts(string separator = " · ") =>
        string.Join(separator, VerdictExtensions.OfClientRules.Select(v => $"{Count(v)} {v.Label()}")
            .Concat(Deviations.Entries.Count == 0 ? [] : [
                $"{Results.Count(IsKnownDeviation)} {Verdict.KnownDeviation.Label()}",
                $"{Results.Count(IsDeviationResolved)} {Verdict.DeviationResolved.Label()}"]));

    public string Outcome =>
        NoRequests ? $"NOT VERIFIED: no request of {Source} was found, so nothing was graded."
        : !FailsBuild ? "PASSES: the app keeps every documented rule it exercised" + (Results.Any(IsKnownDeviation) ? ", but for its known deviations." : ".")
        : Results.Any(r => r.FailsBuild && !IsKnownDeviation(r)) ? "FAILS: the app breaks a documented rule of the guide."
        : "FAILS: a known deviation is resolved (strict deviations): remove it from the known-deviations file.";

    /// <summary>"3 requests in the journal could not be attributed to any app …", or null when none or a capture.</summary>
    public string? UnattributedNote => Unattributed is > 0 and var count
        ? $"{count} {(count == 1 ? "request" : "requests")} in the journal could not be attributed to any app (no client id, credentials, token or code the emulator knows) and {(count == 1 ? "is" : "are")} not graded."
        : null;

    public static ClientConductReport Grade(string source, AppTraffic traffic) =>
        new(source, traffic.Requests.Count, ConductRules.Grade(traffic));

    /// <summary>The conduct report's formats, in the order their files are listed.</summary>
    public static IReadOnlyList<IReportWriter<ClientConductReport>> Writers { get; } =
        [new ConductJsonWriter(), new ConductMarkdownWriter(), new ConductHtmlWriter(), new ConductJUnitWriter()];

    /// <summary>Writes every format of <see cref="Writers"/> (client-conduct.json, .md, .html, .junit.xml); returns their full paths.</summary>
    public IReadOnlyList<string> WriteAll(string reportsDirectory) => ReportFiles.WriteAll(this, reportsDirectory, Writers);

    /// <summary>What a rule's row says beyond its verdict: the first breach, or the situation to create.</summary>
    internal string Detail(ConductResult result) =>
        DeviationNote(result) is { } note ? $"{note}; {Explanation(result)}" : Explanation(result);

    internal static string Explanation(ConductResult result) => result.Verdict switch
    {
        Verdict.NotSatisfied or Verdict.AdvisoryNotMet => Line(result.Evidence[0]) + (result.Evidence.Count > 1 ? $" (+{result.Evidence.Count - 1} more)" : string.Empty),
        Verdict.NotVerified => result.Situation,
        _ => $"{result.Exercised} request(s) checked",
    };

    /// <summary>"#3 POST https://a.klaviyo.com/oauth/token → 400: why — tip.x".</summary>
    public static string Line(ConductEvidence e) =>
        $"#{e.Index} {e.Request}{(e.Answer is { } status ? $" → {status}" : string.Empty)}: {e.Breach} — {e.Diagnosis}";

    internal static string Level(ConductResult result) => result.Rule.Level.Key();
}
