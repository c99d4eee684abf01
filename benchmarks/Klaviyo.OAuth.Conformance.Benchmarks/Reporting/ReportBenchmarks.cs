using BenchmarkDotNet.Attributes;
using Klaviyo.OAuth.Conformance.Reporting;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Reporting;

/// <summary>
/// What the suite does after every run: build the conformance matrix from the run's Cucumber
/// messages, then write conformance.json, .md, .html and junit.xml.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string _directory = null!;
    private string _ndjson = null!;
    private string _reports = null!;
    private ConformanceMatrix _matrix = null!;

    /// <summary>About a catalogue run: the suite has 86 scenarios of 5–6 steps today.</summary>
    [Params(100)]
    public int Scenarios { get; set; }

    [GlobalSetup]
    public void GenerateRun()
    {
        _directory = Directory.CreateTempSubdirectory("klaviyo-oauth-report-bench-").FullName;
        _ndjson = Path.Combine(_directory, "cucumber.ndjson");
        _reports = Path.Combine(_directory, "reports");
        GeneratedRun.Write(_ndjson, Scenarios, stepsPerScenario: 5);
        new RunDescription("embedded", "http://127.0.0.1:41235/", "http://127.0.0.1:41236/", SuiteVersion: "0.1.0").WriteSidecar(_directory);
        _matrix = ConformanceReport.Build(_ndjson);
        Console.WriteLine($"// Generated run: {GeneratedRun.Describe(_ndjson)}");
        if (_matrix.ScenarioCount != Scenarios)
        {
            throw new InvalidOperationException($"The generated run has {_matrix.ScenarioCount} scenarios, not {Scenarios}.");
        }
    }

    [GlobalCleanup]
    public void Delete() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Description = "ConformanceReport.Build (ndjson → matrix)")]
    public ConformanceMatrix Build() => ConformanceReport.Build(_ndjson);

    [Benchmark(Description = "ConformanceReport.WriteAll (json, md, html, junit)")]
    public IReadOnlyList<string> WriteAll() => ConformanceReport.WriteAll(_matrix, _reports);
}
