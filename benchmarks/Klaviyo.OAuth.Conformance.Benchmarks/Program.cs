using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Klaviyo.OAuth.Conformance.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project benchmarks/Klaviyo.OAuth.Conformance.Benchmarks -- --filter '*' [--job short|dry]
    // Results land beside this project, whatever the working directory (--artifacts overrides).
    // dotnet run -c Release --project benchmarks/Klaviyo.OAuth.Conformance.Benchmarks -- soak
    // dotnet run -c Release --project benchmarks/Klaviyo.OAuth.Conformance.Benchmarks -- wiremock [rounds]
    // benchmarks/whole-process/latency.sh: the tool against the standalone emulator behind a delay proxy
    public static int Main(string[] args)
    {
        if (args is ["latency", .. var latency])
        {
            return Latency.LatencyBenchmark.RunAsync(latency).GetAwaiter().GetResult();
        }

        if (args is ["soak"])
        {
            return Emulator.EmulatorSoak.Run();
        }

        if (args is ["wiremock", .. var rest])
        {
            return Emulator.WireMockComposition.Run(rest is [var rounds] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 5);
        }

        if (args is ["loop", var target, var seconds])
        {
            return Emulator.EmulatorLoop.Run(target, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(
            args,
            DefaultConfig.Instance.WithArtifactsPath(Path.Combine(RepositoryPaths.Root, "benchmarks", "Klaviyo.OAuth.Conformance.Benchmarks", "BenchmarkDotNet.Artifacts")));
        return 0;
    }
}
