using Klaviyo.OAuth.Conformance.Testing;

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
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CONFORMANCE_REPORTS_DIR"] = reports };
        foreach (var (key, value) in Defaults)
        {
            environment["Conformance__" + key] = settings.TryGetValue(key, out var given) ? given : value;
        }

        foreach (var key in settings.Keys.Where(k => !Defaults.ContainsKey(k)))
        {
            environment["Conformance__" + key] = settings[key];
        }

        // What `dotnet test` on the project shows (its VSTestLogger and run settings): each scenario once as it finishes, then the summary.
        var settingsFile = Path.Combine(Path.GetDirectoryName(BuiltArtifacts.SpecsAssembly)!, "conformance.runsettings");
        var run = await DotnetTest.RunAsync(BuiltArtifacts.SpecsAssembly, work.FullName, environment, filter, timeout, ["console;verbosity=normal"], "suite.trx", settingsFile);
        var consoleFile = Path.Combine(work.FullName, "console.txt");
        await File.WriteAllTextAsync(consoleFile, run.Output);
        return new SuiteRun(run.ExitCode, run.Elapsed, run.Output, consoleFile, run.TrxPath, run.Results, reports);
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
