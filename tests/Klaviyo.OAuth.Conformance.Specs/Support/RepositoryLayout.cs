using System.Reflection;

namespace Klaviyo.OAuth.Conformance.Specs.Support;

/// <summary>Where the repository is, recorded at build time: conformance.json is read from its root.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value is { } root && Directory.Exists(root)
            ? root
            : AppContext.BaseDirectory;
}
