using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;

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
        var trx = Path.Combine(work.FullName, "samples.trx");
        var samples = Metadata("SamplesAssembly");

        var start = new ProcessStartInfo(DotnetHost(), ["test", samples, "--logger", $"trx;LogFileName={trx}", "--results-directory", work.FullName])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = work.FullName,
        };
        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        start.Environment["CONFORMANCE_REPORTS_DIR"] = reports;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet test did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        if (!File.Exists(trx))
        {
            throw new InvalidOperationException($"dotnet test wrote no TRX file. Its output:{Environment.NewLine}{output}");
        }

        return new SamplesRun(ReadTrx(trx), reports, output);
    }

    private static Dictionary<string, TestOutcome> ReadTrx(string path)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var document = XDocument.Load(path);
        return document.Descendants(ns + "UnitTestResult").ToDictionary(
            result => (string)result.Attribute("testName")!,
            result => new TestOutcome(
                (string)result.Attribute("outcome")!,
                result.Descendants(ns + "Message").FirstOrDefault()?.Value ?? string.Empty));
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(SamplesRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

public sealed record TestOutcome(string Outcome, string Message);
