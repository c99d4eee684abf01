using Klaviyo.OAuth.Conformance.Runner;

namespace Klaviyo.OAuth.Conformance.Benchmarks;

/// <summary>
/// The repository the benchmarks run in. BenchmarkDotNet runs each benchmark in a process of its
/// own, from a folder under bin/, so the root is found above the running assembly, not from the
/// working directory.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } =
        RepositoryRoot.Find() ?? RepositoryRoot.Find(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException($"Run the benchmarks from inside the repository: no {RepositoryRoot.SolutionFile} above {AppContext.BaseDirectory}.");

    public static string Features => Path.Combine(Root, "features");
}
