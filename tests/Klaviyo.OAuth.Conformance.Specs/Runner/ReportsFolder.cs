using System.Reflection;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>
/// Where a run writes its reports: <c>CONFORMANCE_REPORTS_DIR</c> when set, otherwise the repository's
/// <c>reports/</c> folder whatever the working directory. reqnroll.json refers to it as
/// <c>{env:CONFORMANCE_REPORTS_DIR}</c>.
/// </summary>
public static class ReportsFolder
{
    public const string EnvironmentVariable = "CONFORMANCE_REPORTS_DIR";

    public static string Path { get; private set; } = string.Empty;

    public static void Prepare(Assembly testAssembly)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Path = string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(RepositoryRoot(testAssembly), "reports")
            : System.IO.Path.GetFullPath(configured);
        Directory.CreateDirectory(Path);
        Environment.SetEnvironmentVariable(EnvironmentVariable, Path);
    }

    private static string RepositoryRoot(Assembly testAssembly)
    {
        var recorded = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return recorded is not null && Directory.Exists(recorded) ? recorded : AppContext.BaseDirectory;
    }
}
