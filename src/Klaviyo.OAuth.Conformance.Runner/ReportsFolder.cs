namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Where a run writes its reports: <c>CONFORMANCE_REPORTS_DIR</c> when set, otherwise the folder the
/// host chooses (the repository's <c>reports/</c> for <c>dotnet test</c>, <c>./reports</c> for the
/// tool). reqnroll.json refers to it as <c>{env:CONFORMANCE_REPORTS_DIR}</c>.
/// </summary>
public static class ReportsFolder
{
    public const string EnvironmentVariable = "CONFORMANCE_REPORTS_DIR";

    public static string Path { get; private set; } = string.Empty;

    public static void Prepare(string defaultFolder)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? defaultFolder : configured);
        Directory.CreateDirectory(Path);
        Environment.SetEnvironmentVariable(EnvironmentVariable, Path);
    }
}
