using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Grading;

/// <summary>
/// <c>grade FILE [--out DIR] [--web-host HOST:PORT]</c>: grades an app's captured traffic (HAR, curl
/// command lines or raw HTTP) by the client-conduct rules, prints what it broke (rule, request,
/// tip) and writes the "Client conduct" reports. Exit 0 when no documented rule is broken, 1 when
/// one is, 2 on bad input (one clear message, no stack trace).
/// </summary>
public static class GradeCommand
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public const string Usage = "usage: grade FILE.har [--out DIR] [--web-host HOST:PORT]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var file, out var outDirectory, out var webHosts, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return BadInput;
        }

        IReadOnlyList<RecordedExchange> exchanges;
        try
        {
            exchanges = TrafficReader.ReadFile(file!);
        }
        catch (Exception e) when (e is TrafficFormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot grade {file}: {e.Message}");
            return BadInput;
        }

        var report = ClientConductReport.Grade(Path.GetFileName(file!), new AppTraffic(exchanges, webHosts));
        Print(report, output);
        if (outDirectory is not null)
        {
            try
            {
                foreach (var path in report.WriteAll(outDirectory))
                {
                    output.WriteLine($"wrote {path}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"Cannot write the reports to {outDirectory}: {e.Message}");
                return BadInput;
            }
        }

        return report.FailsBuild ? Failed : Passed;
    }

    /// <summary>The summary a developer reads in a terminal or a CI log: each broken rule with its requests and tips.</summary>
    public static void Print(ClientConductReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{ClientConductReport.Title}: {report.Source}, {report.Requests} requests");
        foreach (var result in report.Results)
        {
            output.WriteLine($"  {result.Verdict.Text(),-17}{result.Rule.Id} ({result.Rule.Level.Key()})");
            foreach (var evidence in result.Evidence)
            {
                output.WriteLine($"      {ClientConductReport.Line(evidence)}");
            }
        }

        output.WriteLine(report.Counts());
        output.WriteLine(report.Outcome);
    }

    private static bool TryParse(IReadOnlyList<string> args, out string? file, out string? outDirectory, out List<string> webHosts, out string problem)
    {
        file = null;
        outDirectory = null;
        webHosts = [];
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--out" or "--web-host")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = $"{arg} needs a value.";
                    return false;
                }

                if (arg == "--out")
                {
                    outDirectory = args[++i];
                }
                else
                {
                    webHosts.Add(args[++i]);
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"Unknown option {arg}.";
                return false;
            }
            else if (file is null)
            {
                file = arg;
            }
            else
            {
                problem = $"One traffic file at a time (got {file} and {arg}).";
                return false;
            }
        }

        if (file is null)
        {
            problem = "Which traffic? Give a HAR file (or curl command lines, or raw HTTP).";
            return false;
        }

        return true;
    }
}
