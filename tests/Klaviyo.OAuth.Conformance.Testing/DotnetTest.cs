using System.Diagnostics;

namespace Klaviyo.OAuth.Conformance.Testing;

/// <summary>What one <c>dotnet test &lt;assembly&gt;</c> in a child process did: exit code, time, console, and each test's result.</summary>
public sealed record DotnetTestRun(int ExitCode, TimeSpan Elapsed, string Output, string TrxPath, IReadOnlyList<TestResult> Results);

/// <summary>Runs a built test assembly with <c>dotnet test</c> in a child process, as a user would, and reads its TRX.</summary>
public static class DotnetTest
{
    /// <summary>
    /// Runs <paramref name="assembly"/> in <paramref name="workDirectory"/> (where the TRX lands) with the
    /// environment changes given (null removes a variable), an optional <c>--filter</c> and run settings file. Throws when it
    /// runs longer than <paramref name="timeout"/> (default 2 minutes) or writes no TRX.
    /// </summary>
    public static async Task<DotnetTestRun> RunAsync(
        string assembly,
        string workDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? filter = null,
        TimeSpan? timeout = null,
        IEnumerable<string>? extraLoggers = null,
        string trxFileName = "results.trx",
        string? runSettings = null)
    {
        var trx = System.IO.Path.Combine(workDirectory, trxFileName);
        var arguments = new List<string> { "test", assembly };
        foreach (var logger in extraLoggers ?? [])
        {
            arguments.Add("--logger");
            arguments.Add(logger);
        }

        arguments.AddRange(["--logger", $"trx;LogFileName={trx}", "--results-directory", workDirectory]);
        if (runSettings is not null)
        {
            arguments.AddRange(["--settings", runSettings]);
        }
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }

        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var clock = Stopwatch.StartNew();
        using var process = ChildProcess.Start(DotnetHost.Path, arguments, workDirectory, environment);
        if (!await process.WaitForExitAsync(limit))
        {
            process.KillTree();
            throw new TimeoutException($"dotnet test ran longer than {limit.TotalSeconds:0} s and was stopped. Its output:{Environment.NewLine}{process.Output}");
        }

        clock.Stop();
        if (!File.Exists(trx))
        {
            throw new InvalidOperationException($"dotnet test exited with {process.ExitCode} and wrote no TRX file. Its output:{Environment.NewLine}{process.Output}");
        }

        return new DotnetTestRun(process.ExitCode, clock.Elapsed, process.Output, trx, TrxResults.Read(trx));
    }
}
