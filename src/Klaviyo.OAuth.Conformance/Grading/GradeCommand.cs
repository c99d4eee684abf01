using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Grading;

/// <summary>
/// <c>grade FILE [--out DIR] [--web-host HOST:PORT]</c> or <c>grade --emulator URL --client ID [--out DIR]</c>:
/// grades an app's captured traffic (HAR, curl command lines or raw HTTP), or its requests in a
/// running emulator's journal, by the client-conduct rules, prints what it broke (rule, request,
/// tip) and writes the "Client conduct" reports. Exit 0 when no documented rule is broken, 1 when
/// one is, 2 on bad input (one clear message, no stack trace).
/// </summary>
public static class GradeCommand
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public const string Usage = "usage: grade FILE.har [--out DIR] [--web-host HOST:PORT] | grade --emulator URL --client ID [--out DIR]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var source, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return BadInput;
        }

        var (file, outDirectory, webHosts, emulator, client) = source;
        IReadOnlyList<RecordedExchange> exchanges;
        string name;
        try
        {
            if (emulator is not null)
            {
                var journal = ReadJournal(emulator, client!);
                exchanges = journal.Exchanges;
                webHosts.AddRange(journal.WebHosts);
                name = $"{client} at {emulator}";
            }
            else
            {
                exchanges = TrafficReader.ReadFile(file!);
                name = Path.GetFileName(file!);
            }
        }
        catch (Exception e) when (e is TrafficFormatException or IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"Cannot grade {file ?? emulator!.ToString()}: {e.Message}");
            return BadInput;
        }

        var report = ClientConductReport.Grade(name, new AppTraffic(exchanges, webHosts));
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

    private static JournalTraffic ReadJournal(Uri emulator, string client)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return EmulatorJournal.ReadAsync(http, emulator, client).GetAwaiter().GetResult();
    }

    private sealed record Source(string? File, string? OutDirectory, List<string> WebHosts, Uri? Emulator, string? Client);

    private static bool TryParse(IReadOnlyList<string> args, out Source source, out string problem)
    {
        string? file = null, outDirectory = null, emulator = null, client = null;
        var webHosts = new List<string>();
        source = new Source(null, null, webHosts, null, null);
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--out" or "--web-host" or "--emulator" or "--client")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = $"{arg} needs a value.";
                    return false;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--out": outDirectory = value; break;
                    case "--emulator": emulator = value; break;
                    case "--client": client = value; break;
                    default: webHosts.Add(value); break;
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

        if (emulator is null && client is null)
        {
            problem = file is null ? "Which traffic? Give a HAR file (or curl command lines, or raw HTTP), or --emulator URL --client ID." : string.Empty;
            source = source with { File = file, OutDirectory = outDirectory };
            return file is not null;
        }

        if (file is not null)
        {
            problem = $"Grade either a file ({file}) or the emulator's journal, not both.";
            return false;
        }

        if (emulator is null || client is null)
        {
            problem = emulator is null ? "--client needs --emulator URL: the emulator's API host." : "--emulator needs --client ID: the app whose requests to grade.";
            return false;
        }

        if (!Uri.TryCreate(emulator, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"--emulator needs the emulator's API URL, as http://127.0.0.1:5080, not '{emulator}'.";
            return false;
        }

        source = new Source(null, outDirectory, webHosts, url, client);
        return true;
    }
}
