using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Grading;

/// <summary>
/// Grades an app's traffic by the client-conduct rules: reads the <see cref="TrafficSource"/>, keeps
/// the app's requests and hands them to the rules. Commands render the <see cref="GradeResult"/>.
/// </summary>
public static class Grader
{
    /// <summary>Reads and grades; throws <see cref="GradingInputException"/> when the traffic cannot be read.</summary>
    public static async Task<GradeResult> GradeAsync(TrafficSource source, GradeOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var (exchanges, webHosts, unattributed) = await ReadAsync(source, options, cancellation).ConfigureAwait(false);
            var graded = Grade(source, new AppTraffic(exchanges, [.. options.WebHosts, .. webHosts]));
            return graded with { Report = graded.Report with { Unattributed = unattributed, Deviations = options.Deviations } };
        }
        catch (Exception e) when (GradingInputException.IsInputProblem(e))
        {
            throw GradingInputException.For(source, e);
        }
    }

    /// <summary>Grades traffic already read.</summary>
    public static GradeResult Grade(TrafficSource source, AppTraffic traffic)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new GradeResult(source, ClientConductReport.Grade(source.Name, traffic));
    }

    private static async Task<(IReadOnlyList<RecordedExchange> Exchanges, IReadOnlyList<string> WebHosts, int? Unattributed)> ReadAsync(TrafficSource source, GradeOptions options, CancellationToken cancellation)
    {
        switch (source)
        {
            case TrafficSource.Journal journal:
                using (var http = new HttpClient { Timeout = options.JournalTimeout })
                {
                    var traffic = await EmulatorJournal.ReadAsync(http, journal.Emulator, journal.ClientId, cancellation).ConfigureAwait(false);
                    return (traffic.Exchanges, traffic.WebHosts, traffic.Unattributed);
                }

            case TrafficSource.Capture file:
                return (TrafficReader.ReadFile(file.Path), [], null);
            default:
                throw new ArgumentOutOfRangeException(nameof(source), source, "an unknown traffic source");
        }
    }
}

/// <summary>What grading found: the report of every rule's verdict, and whether there was anything to grade.</summary>
/// <param name="Source">The traffic graded.</param>
/// <param name="Report">Every rule's verdict, written as the client-conduct reports.</param>
public sealed record GradeResult(TrafficSource Source, ClientConductReport Report)
{
    /// <summary>A documented rule is broken.</summary>
    public bool FailsBuild => Report.FailsBuild;

    /// <summary>No request of the app was found: nothing was graded, which is no pass.</summary>
    public bool NoRequests => Report.NoRequests;
}
