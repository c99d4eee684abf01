using System.Diagnostics;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// One run of the built conformance suite the way users run it — <c>dotnet test
/// Klaviyo.OAuth.Conformance.Specs.dll</c> in a child process, configured only through
/// <c>Conformance__*</c> environment variables — with its reports in a temporary folder
/// (CONFORMANCE_REPORTS_DIR), never the repository's reports/.
/// </summary>
public sealed class SuiteRun
{
    /// <summary>Every key of the Conformance section: each run sets them all, so neither this process's environment nor a conformance.json leaks in.</summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["Target"] = "embedded",
        ["ApiBaseUrl"] = string.Empty,
        ["WebBaseUrl"] = string.Empty,
        ["ControlUrl"] = string.Empty,
        ["ClientId"] = string.Empty,
        ["ClientSecret"] = string.Empty,
        ["RedirectUri"] = string.Empty,
        ["RefreshToken"] = string.Empty,
        ["AccessToken"] = string.Empty,
        ["AllowDestructive"] = "false",
        ["TimeoutSeconds"] = "10",
        ["StrictAdvisory"] = "false",
    };

    private readonly Lazy<ConformanceJson> _conformance;

    private SuiteRun(int exitCode, TimeSpan elapsed, string consoleOutput, string consoleFile, string trxPath, IReadOnlyList<TestResult> results, string reportsDirectory)
    {
        ExitCode = exitCode;
        Elapsed = elapsed;
        ConsoleOutput = consoleOutput;
        ConsoleFile = consoleFile;
        TrxPath = trxPath;
        Results = results;
        ReportsDirectory = reportsDirectory;
        _conformance = new Lazy<ConformanceJson>(() => ConformanceJson.Read(ReportFile("conformance.json")));
    }

    public int ExitCode { get; }

    /// <summary>From starting <c>dotnet test</c> to its exit.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>stdout and stderr of <c>dotnet test</c>, interleaved.</summary>
    public string ConsoleOutput { get; }

    /// <summary>The console output, saved beside the TRX.</summary>
    public string ConsoleFile { get; }

    public string TrxPath { get; }

    public IReadOnlyList<TestResult> Results { get; }

    public string ReportsDirectory { get; }

    /// <summary>reports/conformance.json of this run.</summary>
    public ConformanceJson Conformance => _conformance.Value;

    /// <summary>Everything the run left for a person or a tool to read: console, TRX, every report.</summary>
    public IEnumerable<string> OutputFiles =>
        new[] { ConsoleFile, TrxPath }.Concat(Directory.Exists(ReportsDirectory) ? Directory.EnumerateFiles(ReportsDirectory, "*", SearchOption.AllDirectories) : []);

    /// <summary>
    /// Runs the suite with the given Conformance settings (keys without the <c>Conformance__</c>
    /// prefix; unset keys get their defaults) and an optional <c>--filter</c>. Throws when it runs
    /// longer than <paramref name="timeout"/> (default 2 minutes) or writes no TRX.
    /// </summary>
    public static async Task<SuiteRun> ExecuteAsync(IReadOnlyDictionary<string, string> settings, string? filter = null, TimeSpan? timeout = null)
    {
        var work = Directory.CreateTempSubdirectory("conformance-suite-run-");
        var reports = Path.Combine(work.FullName, "reports");
        var trx = Path.Combine(work.FullName, "suite.trx");
        var arguments = new List<string>
        {
            "test", BuiltArtifacts.SpecsAssembly,
            // What `dotnet test` on the project shows (its VSTestLogger): each scenario as it finishes, then the summary.
            "--logger", "console;verbosity=normal",
            "--logger", $"trx;LogFileName={trx}",
            "--results-directory", work.FullName,
        };
        if (filter is not null)
        {
            arguments.Add("--filter");
            arguments.Add(filter);
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CONFORMANCE_REPORTS_DIR"] = reports };
        foreach (var (key, value) in Defaults)
        {
            environment["Conformance__" + key] = settings.TryGetValue(key, out var given) ? given : value;
        }

        foreach (var key in settings.Keys.Where(k => !Defaults.ContainsKey(k)))
        {
            environment["Conformance__" + key] = settings[key];
        }

        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var clock = Stopwatch.StartNew();
        using var process = ChildProcess.Start(BuiltArtifacts.DotnetHost, arguments, work.FullName, environment);
        if (!await process.WaitForExitAsync(limit))
        {
            process.KillTree();
            throw new TimeoutException($"dotnet test ran longer than {limit.TotalSeconds:0} s and was stopped. Its output:{Environment.NewLine}{process.Output}");
        }

        clock.Stop();
        var output = process.Output;
        var consoleFile = Path.Combine(work.FullName, "console.txt");
        await File.WriteAllTextAsync(consoleFile, output);
        if (!File.Exists(trx))
        {
            throw new InvalidOperationException($"dotnet test exited with {process.ExitCode} and wrote no TRX file. Its output:{Environment.NewLine}{output}");
        }

        return new SuiteRun(process.ExitCode, clock.Elapsed, output, consoleFile, trx, TrxResults.Read(trx), reports);
    }

    public string ReportFile(string name)
    {
        var path = Path.Combine(ReportsDirectory, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The run wrote no {name} (reports: {string.Join(", ", Directory.Exists(ReportsDirectory) ? Directory.EnumerateFiles(ReportsDirectory).Select(Path.GetFileName) : [])}). Its output:{Environment.NewLine}{ConsoleOutput}", path);
    }

    /// <summary>For assertion messages: the run's exit code and console.</summary>
    public override string ToString() => $"dotnet test exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s; its output:{Environment.NewLine}{ConsoleOutput}";
}
