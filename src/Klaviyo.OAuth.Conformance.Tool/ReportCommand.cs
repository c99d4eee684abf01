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
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("ndjson") { Arity = ArgumentArity.OneOrMore, Description = "the cucumber.ndjson of one or more runs" };
        var outFolder = new Option<string?>("--out") { Description = "where to write the reports (default: the folder of the first file)" };
        var strictAdvisory = new Option<bool>("--strict-advisory") { Description = "advisory (@rfc-*) behaviours not met also fail (exit code 1)" };
        var deviations = new Option<string?>("--deviations") { Description = "a known-deviations file, as for run" };
        var strictDeviations = new Option<bool>("--strict-deviations") { Description = "a listed deviation that is satisfied fails (exit code 1)" };
        var maxEvidence = new Option<int>("--max-evidence") { Description = "cut failure evidence after this many characters", DefaultValueFactory = _ => ReportOptions.DefaultMaxEvidenceLength };
        var command = new Command("report", "Rebuilds the conformance reports from one or more cucumber.ndjson files, merged into one matrix.")
        {
            files, outFolder, strictAdvisory, deviations, strictDeviations, maxEvidence,
        };
        command.SetAction(result => Run(
            result.GetValue(files)!, result.GetValue(outFolder), result.GetValue(strictAdvisory), result.GetValue(maxEvidence), output, error,
            result.GetValue(deviations), result.GetValue(strictDeviations)));
        return command;
    }

    public static int Run(
        IReadOnlyList<string> files, string? outFolder, bool strictAdvisory, int maxEvidence, TextWriter output, TextWriter error,
        string? deviationsFile = null, bool strictDeviations = false)
    {
        if (maxEvidence < 1)
        {
            error.WriteLine($"--max-evidence needs a positive number of characters, not {maxEvidence}.");
            return ExitCodes.BadUsage;
        }

        if (files.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            error.WriteLine($"No such file: {missing}. Run the suite first, or pass the path of a saved cucumber.ndjson.");
            return ExitCodes.BadUsage;
        }

        KnownDeviations deviations;
        try
        {
            deviations = deviationsFile is null ? KnownDeviations.None : KnownDeviations.ForBehaviours(deviationsFile, strictDeviations);
        }
        catch (DeviationsFileException bad)
        {
            error.WriteLine(bad.Message);
            return ExitCodes.BadUsage;
        }

        try
        {
            var matrix = ConformanceReport.Build(files, run: null, new ReportOptions { MaxEvidenceLength = maxEvidence, Deviations = deviations });
            var folder = outFolder ?? Path.GetDirectoryName(Path.GetFullPath(files[0]))!;
            var written = ConformanceReport.WriteAll(matrix, folder);
            output.Write(ConsoleSummary.Render(matrix, written, strictAdvisory));
            return matrix.FailsBuild(strictAdvisory) ? ExitCodes.FailsBuild : ExitCodes.Conforming;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Could not read the messages or write the reports: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }
}
