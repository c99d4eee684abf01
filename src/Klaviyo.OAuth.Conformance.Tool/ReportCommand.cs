using System.CommandLine;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Conformance.Reporting;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>report FILE...</c>: rebuilds the conformance reports from saved cucumber.ndjson files; several
/// files (runs of one catalogue split by tag) merge into one matrix.
/// </summary>
internal static class ReportCommand
{
    public static readonly string[] Examples =
    [
        "report reports",
        "report token/cucumber.ndjson rest/cucumber.ndjson --out merged",
    ];

    public static Command Create(IToolConsole console)
    {
        var files = new Argument<string[]>("ndjson") { Arity = ArgumentArity.OneOrMore, Description = "the cucumber.ndjson of one or more runs, or the reports folders holding them" };
        var outFolder = OutputFolder.Option("where to write the reports (default: the folder of the first file)");
        var strictAdvisory = new Option<bool>("--strict-advisory") { Description = "advisory (@rfc-*) behaviours not met also fail (exit code 1)" };
        var deviations = new Option<string?>("--deviations") { Description = "a known-deviations file, as for run", HelpName = "file" };
        var strictDeviations = new Option<bool>("--strict-deviations") { Description = "a listed deviation that is satisfied fails (exit code 1)" };
        var maxEvidence = new Option<int>("--max-evidence") { Description = "cut failure evidence after this many characters", HelpName = "chars", DefaultValueFactory = _ => ReportOptions.DefaultMaxEvidenceLength };
        var command = new Command("report", "Rebuilds the conformance reports from one or more cucumber.ndjson files, merged into one matrix.")
        {
            files, outFolder, strictAdvisory, deviations, strictDeviations, maxEvidence,
        };
        command.SetAction(result => Run(
            result.GetValue(files)!, result.GetValue(outFolder), result.GetValue(strictAdvisory), result.GetValue(maxEvidence), console,
            result.GetValue(deviations), result.GetValue(strictDeviations)));
        return command;
    }

    public static int Run(
        IReadOnlyList<string> files, string? outFolder, bool strictAdvisory, int maxEvidence, IToolConsole console,
        string? deviationsFile = null, bool strictDeviations = false)
    {
        if (maxEvidence < 1)
        {
            console.Problem($"--max-evidence needs a positive number of characters, not {maxEvidence}.");
            return ExitCodes.BadUsage;
        }

        var found = files.Select(file => RunFiles.In(file, RunFiles.Messages)).ToList();
        if (found.FirstOrDefault(f => f.Problem is not null).Problem is { } notARun)
        {
            console.Problem(notARun);
            return ExitCodes.BadUsage;
        }

        files = [.. found.Select(f => f.File!)];
        if (files.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            console.Problem($"No such file: {missing}. Run the suite first, or pass the path of a saved cucumber.ndjson.");
            return ExitCodes.BadUsage;
        }

        var folder = outFolder ?? Path.GetDirectoryName(Path.GetFullPath(files[0]))!;
        if (OutputFolder.Refuses(console, folder))
        {
            return ExitCodes.BadUsage;
        }

        KnownDeviations deviations;
        try
        {
            deviations = deviationsFile is null ? KnownDeviations.None : KnownDeviations.ForBehaviours(deviationsFile, strictDeviations);
        }
        catch (DeviationsFileException bad)
        {
            console.Problem(bad.Message);
            return ExitCodes.BadUsage;
        }

        ConformanceMatrix matrix;
        try
        {
            matrix = ConformanceReport.Build(files, run: null, new ReportOptions { MaxEvidenceLength = maxEvidence, Deviations = deviations });
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Nothing is written for input that is not a run's messages.
            console.Problem($"Could not read the messages: {e.Message}");
            return ExitCodes.BadUsage;
        }

        try
        {
            var written = ConformanceReport.WriteAll(matrix, folder);
            RunSummaryView.Show(console, matrix, written, strictAdvisory);
            return RunSummaryView.ExitCode(matrix, strictAdvisory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Problem($"Could not write the reports: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }
}
