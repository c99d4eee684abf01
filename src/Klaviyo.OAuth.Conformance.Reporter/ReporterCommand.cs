using System.Globalization;
using Klaviyo.OAuth.Conformance.Reporting;

namespace Klaviyo.OAuth.Conformance.Reporter;

/// <summary>
/// dotnet run --project src/Klaviyo.OAuth.Conformance.Reporter -- reports/cucumber.ndjson [--out reports] [--strict-advisory] [--max-evidence N]
/// Exit codes: 0 conforming, 1 the matrix fails the build, 2 bad usage or unreadable input.
/// </summary>
public static class ReporterCommand
{
    public const int Conforming = 0;
    public const int FailsBuild = 1;
    public const int BadUsage = 2;

    public const string Usage = """
        Usage: dotnet run --project src/Klaviyo.OAuth.Conformance.Reporter -- <cucumber.ndjson> [--out <dir>] [--strict-advisory] [--max-evidence <chars>]

          <cucumber.ndjson>   the Cucumber messages of a run (Reqnroll's message formatter)
          --out <dir>         where to write the reports (default: the folder of the ndjson)
          --strict-advisory   advisory (@rfc-*) behaviours not met also fail (exit code 1)
          --max-evidence <n>  cut failure evidence after n characters (default 4000)

        Exit codes: 0 conforming, 1 the run fails (a documented or baseline behaviour is not satisfied or has no
        scenario, the target was unreachable, or nothing documented was verified), 2 bad usage.
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args.Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return Conforming;
        }

        if (!TryParse(args, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return BadUsage;
        }

        if (!File.Exists(options.NdjsonPath))
        {
            error.WriteLine($"No such file: {options.NdjsonPath}. Run the suite first, or pass the path of a saved cucumber.ndjson.");
            return BadUsage;
        }

        try
        {
            var reportOptions = new ReportOptions { MaxEvidenceLength = options.MaxEvidence };
            var matrix = ConformanceReport.Build(options.NdjsonPath, run: null, reportOptions);
            var outDirectory = options.OutDirectory ?? Path.GetDirectoryName(Path.GetFullPath(options.NdjsonPath))!;
            var files = ConformanceReport.WriteAll(matrix, outDirectory);
            output.Write(ConsoleSummary.Render(matrix, files, options.StrictAdvisory));
            return matrix.FailsBuild(options.StrictAdvisory) ? FailsBuild : Conforming;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Could not read {options.NdjsonPath} or write the reports: {e.Message}");
            return BadUsage;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out CommandOptions options, out string problem)
    {
        options = new CommandOptions(string.Empty);
        problem = string.Empty;
        string? path = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--strict-advisory":
                    options = options with { StrictAdvisory = true };
                    break;
                case "--out" when i + 1 < args.Count:
                    options = options with { OutDirectory = args[++i] };
                    break;
                case "--max-evidence" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
                    {
                        problem = $"--max-evidence needs a positive number of characters, not '{args[i]}'.";
                        return false;
                    }

                    options = options with { MaxEvidence = max };
                    break;
                case "--out" or "--max-evidence":
                    problem = $"{args[i]} needs a value.";
                    return false;
                case var unknown when unknown.StartsWith('-'):
                    problem = $"Unknown option '{unknown}'.";
                    return false;
                case var positional when path is null:
                    path = positional;
                    break;
                default:
                    problem = $"Only one ndjson file can be given; '{args[i]}' is one too many.";
                    return false;
            }
        }

        if (path is null)
        {
            problem = "Give the path of the run's cucumber.ndjson.";
            return false;
        }

        options = options with { NdjsonPath = path };
        return true;
    }

    private sealed record CommandOptions(
        string NdjsonPath,
        string? OutDirectory = null,
        bool StrictAdvisory = false,
        int MaxEvidence = ReportOptions.DefaultMaxEvidenceLength);
}
