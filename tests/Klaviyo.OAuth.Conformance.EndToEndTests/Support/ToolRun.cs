using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>One <c>klaviyo-oauth-conformance run …</c> of the built tool, in a child process, with its reports in a folder of its own.</summary>
public sealed class ToolRun
{
    private ToolRun(int exitCode, string output, string reports)
    {
        ExitCode = exitCode;
        Output = output;
        ReportsDirectory = reports;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string ReportsDirectory { get; }

    public ConformanceJson Conformance => ConformanceJson.Read(Path.Combine(ReportsDirectory, "conformance.json"));

    /// <summary>Each behaviour's verdict and each scenario's outcome, as one comparable list.</summary>
    public IReadOnlyList<string> Verdicts =>
        [.. Conformance.Behaviours.SelectMany(b => b.Scenarios.Select(s => $"{b.Id}: {b.Verdict}; {s.Name}: {s.Outcome}")).Order(StringComparer.Ordinal)];

    /// <param name="arguments">What follows <c>run</c>; <c>--out</c> is added.</param>
    public static async Task<ToolRun> ExecuteAsync(params string[] arguments)
    {
        var work = Directory.CreateTempSubdirectory("tool-run-");
        var reports = Path.Combine(work.FullName, "reports");
        // Nothing of this machine's settings leaks in.
        var environment = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(v => v.StartsWith("Conformance__", StringComparison.Ordinal))
            .ToDictionary(v => v, _ => (string?)null);
        using var tool = ChildProcess.Start(DotnetHost.Path, [BuiltArtifacts.ToolAssembly, "run", "--out", reports, .. arguments], work.FullName, environment);
        if (!await tool.WaitForExitAsync(TimeSpan.FromMinutes(4)))
        {
            tool.KillTree();
            throw new TimeoutException($"run {string.Join(' ', arguments)} did not end within 4 minutes. Its output:{Environment.NewLine}{tool.Output}");
        }

        return new ToolRun(tool.ExitCode, tool.Output, reports);
    }

    public override string ToString() => $"run exited {ExitCode}. Its output:{Environment.NewLine}{Output}";
}
