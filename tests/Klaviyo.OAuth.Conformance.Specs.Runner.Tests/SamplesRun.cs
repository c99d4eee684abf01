using System.Reflection;
using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

/// <summary>
/// Runs the samples assembly with <c>dotnet test</c> in a child process, the way a user would, and
/// reads back each test's outcome from the TRX file and the reports Reqnroll wrote.
/// </summary>
public sealed class SamplesRun
{
    private SamplesRun(IReadOnlyDictionary<string, TestOutcome> outcomes, string reportsDirectory, string consoleOutput)
    {
        Outcomes = outcomes;
        ReportsDirectory = reportsDirectory;
        ConsoleOutput = consoleOutput;
    }

    public IReadOnlyDictionary<string, TestOutcome> Outcomes { get; }

    public string ReportsDirectory { get; }

    public string ConsoleOutput { get; }

    public static string SamplesFeaturesFolder => Metadata("SamplesFeatures");

    public static async Task<SamplesRun> ExecuteAsync(string? filter = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var work = Directory.CreateTempSubdirectory("runner-samples-");
        var reports = Path.Combine(work.FullName, "reports");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CONFORMANCE_REPORTS_DIR"] = reports };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var run = await DotnetTest.RunAsync(Metadata("SamplesAssembly"), work.FullName, variables, filter, trxFileName: "samples.trx");
        var outcomes = run.Results.ToDictionary(result => result.Name, result => new TestOutcome(result.Outcome, result.Message));
        return new SamplesRun(outcomes, reports, run.Output);
    }

    private static string Metadata(string key) =>
        typeof(SamplesRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

public sealed record TestOutcome(string Outcome, string Message);
