using System.Reflection;

namespace Klaviyo.OAuth.Conformance.Benchmarks;

/// <summary>
/// The repository the benchmarks were built from. BenchmarkDotNet runs each benchmark in a process
/// of its own, from a folder of its own, so paths come from the build, not the working directory.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } =
        typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("The RepositoryRoot assembly metadata is missing: build the benchmarks with their csproj.");

    public static string Features => System.IO.Path.Combine(Path, "features");
}
