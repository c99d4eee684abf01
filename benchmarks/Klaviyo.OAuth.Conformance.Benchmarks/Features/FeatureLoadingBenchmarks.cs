using BenchmarkDotNet.Attributes;
using Klaviyo.OAuth.Conformance.Runner;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Features;

/// <summary>
/// The runner's discovery cost: parsing the repository's features/ into Gherkin documents, pickles,
/// Cucumber messages and scenario plans, with the runner library's own <see cref="FeatureFileLoader"/>.
/// </summary>
[MemoryDiagnoser]
public class FeatureLoadingBenchmarks
{
    private string _folder = null!;
    private string _largest = null!;

    [GlobalSetup]
    public void Check()
    {
        _folder = RepositoryPaths.Features;
        var features = FeatureFileLoader.LoadFolder(_folder);
        if (features.Count == 0)
        {
            throw new InvalidOperationException($"No feature files in {_folder}.");
        }

        if (features.FirstOrDefault(f => f.ParseError is not null) is { } broken)
        {
            throw new InvalidOperationException($"A feature file does not parse: {broken.ParseError}");
        }

        var largest = Directory.EnumerateFiles(_folder, "*.feature", SearchOption.AllDirectories).MaxBy(path => new FileInfo(path).Length)!;
        _largest = Path.GetRelativePath(_folder, largest).Replace('\\', '/');
    }

    [Benchmark(Baseline = true, Description = "FeatureFileLoader.LoadFolder(features/)")]
    public IReadOnlyList<FeatureFile> LoadFolder() => FeatureFileLoader.LoadFolder(_folder);

    [Benchmark(Description = "FeatureFileLoader.Load(largest feature)")]
    public FeatureFile LoadLargest() => FeatureFileLoader.Load(_folder, _largest);
}
