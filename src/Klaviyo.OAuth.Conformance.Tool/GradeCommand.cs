using System.CommandLine;
using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Conformance.Grading;
using Klaviyo.OAuth.Conformance.Reporting.GitHub;
using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>grade FILE.har [--out DIR] [--web-host H]</c> or <c>grade --emulator URL --client ID [--out DIR]</c>:
/// grades an app's captured traffic, or its requests in a running emulator's journal, by the
/// client-conduct rules (<see cref="Grader"/>), prints what it broke and writes the reports.
/// </summary>
internal static class GradeCommand
{
    public static readonly string[] Examples =
    [
        "grade app.har --out reports/app",
        "grade --emulator http://127.0.0.1:5080 --client my-app",
    ];

    public static Command Create(IToolConsole console)
    {
        var file = new Argument<string?>("traffic") { Arity = ArgumentArity.ZeroOrOne, Description = "the app's captured traffic: a HAR file (or curl command lines, or raw HTTP)" };
        var outFolder = OutputFolder.Option("where to write the client-conduct reports (json, md, html, JUnit)");
        var webHosts = new Option<string[]>("--web-host") { HelpName = "host:port", Description = "a host:port serving the web side (/oauth/authorize) when it is not www.klaviyo.com", AllowMultipleArgumentsPerToken = false };
        var emulator = new Option<Uri?>("--emulator") { HelpName = "url", Description = "grade the journal of the emulator whose API host is at this URL (with --client)", CustomParser = ParseEmulatorUrl };
        var client = new Option<string?>("--client") { HelpName = "client-id", Description = "the client id of the app whose requests to grade from the emulator's journal" };
        var deviations = new Option<string?>("--deviations") { HelpName = "file", Description = "a known-deviations file of client rules: a JSON array of {id, reason, until?}; listed broken rules are reported and do not fail" };
        var strictDeviations = new Option<bool>("--strict-deviations") { Description = "a listed rule the app keeps (deviation resolved) fails (exit code 1) instead of warning" };
        var command = new Command("grade", "Grades an app's OAuth traffic (a capture or the emulator's journal) by the client-conduct rules; exit 1 when a documented rule is broken.")
        {
            file, outFolder, webHosts, emulator, client, deviations, strictDeviations,
        };
        command.Validators.Add(result =>
        {
            // The URL's own parser speaks about its value; here only which options came together.
            if (Problem(result.GetValue(file), result.GetResult(emulator) is not null, result.GetValue(client)) is { } problem)
            {
                result.AddError(problem);
            }
        });
        command.SetAction(async (result, cancellation) =>
        {
            TrafficSource source = result.GetValue(file) is { } path
                ? new TrafficSource.Capture(path)
                : new TrafficSource.Journal(result.GetValue(emulator)!, result.GetValue(client)!);
            KnownDeviations known;
            try
            {
                known = result.GetValue(deviations) is { } listed
                    ? KnownDeviations.ForClientRules(listed, result.GetValue(strictDeviations))
                    : KnownDeviations.None;
            }
            catch (DeviationsFileException bad)
            {
                console.Problem(bad.Message);
                return ExitCodes.BadUsage;
            }

            var options = new GradeOptions(result.GetValue(webHosts) ?? []) { Deviations = known };
            return await RunAsync(source, options, result.GetValue(outFolder), console, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(TrafficSource source, GradeOptions options, string? outFolder, IToolConsole console, CancellationToken cancellation)
    {
        GradeResult graded;
        try
        {
            graded = await Grader.GradeAsync(source, options, cancellation);
        }
        catch (GradingInputException e)
        {
            console.Problem(e.Message);
            return e.Unreachable ? ExitCodes.Unverified : ExitCodes.BadUsage;
        }

        Print(graded.Report, console);
        GitHubActions.FromEnvironment().Publish(graded.Report, console.Out);
        return outFolder is not null && !OutputFolder.TryWrite(console, outFolder, "the reports", () => graded.Report.WriteAll(outFolder))
            ? ExitCodes.BadUsage
            : ExitCodes.Of(nothingVerified: graded.NoRequests, failsBuild: graded.FailsBuild);
    }

    /// <summary>The summary a developer reads in a terminal or a CI log: each broken rule with its requests and tips.</summary>
    private static void Print(ClientConductReport report, IToolConsole console)
    {
        console.Line($"{ClientConductReport.Title}: {report.Source}, {report.Requests} requests");
        foreach (var result in report.Results)
        {
            // The verdicts' column; "deviation resolved" is the one state longer than it.
            var state = report.State(result);
            console.Line($"  {(state.Length < 17 ? state.PadRight(17) : state + " ")}{result.Rule.Id} ({result.Rule.Level.Key()})");
            if (report.DeviationNote(result) is { } deviation)
            {
                console.Line($"      {deviation}");
            }

            foreach (var evidence in result.Evidence)
            {
                console.Line($"      {ClientConductReport.Line(evidence)}");
            }
        }

        console.Line(report.Counts());
        if (report.UnattributedNote is { } note)
        {
            console.Line(note);
        }

        console.Verdict(!report.FailsBuild, report.Outcome);
    }

    private static string? Problem(string? file, bool emulator, string? client) => (file, emulator, client) switch
    {
        (null, false, null) => "Which traffic? Give a HAR file (or curl command lines, or raw HTTP), or --emulator URL --client ID.",
        (not null, false, null) => null,
        (not null, false, not null) => $"--client picks an app in the emulator's journal (with --emulator URL); a file ({file}) is graded whole: remove --client.",
        (not null, _, _) => $"Grade either a file ({file}) or the emulator's journal, not both.",
        (null, false, _) => "--client needs --emulator URL: the emulator's API host.",
        (null, true, null) => "--emulator needs --client ID: the app whose requests to grade.",
        _ => null,
    };

    private static Uri? ParseEmulatorUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"--emulator needs the emulator's API URL, as http://127.0.0.1:5080, not '{text}'.");
        return null;
    }
}
