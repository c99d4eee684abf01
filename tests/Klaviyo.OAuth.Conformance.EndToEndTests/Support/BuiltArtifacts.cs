using System.Reflection;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>What the build put where (recorded in this assembly at build time).</summary>
public static class BuiltArtifacts
{
    /// <summary>The standalone emulator, Klaviyo.OAuth.Emulator.dll.</summary>
    public static string EmulatorAssembly => Existing("EmulatorAssembly");

    /// <summary>The conformance suite, Klaviyo.OAuth.Conformance.Specs.dll.</summary>
    public static string SpecsAssembly => Existing("SpecsAssembly");

    /// <summary>The built tool, Klaviyo.OAuth.Conformance.Tool.dll, run as <c>dotnet Klaviyo.OAuth.Conformance.Tool.dll run …</c>.</summary>
    public static string ToolAssembly => Existing("ToolAssembly");

    /// <summary>The tool's project, Klaviyo.OAuth.Conformance.Tool.csproj, which the tests pack and install.</summary>
    public static string ToolProject => Existing("ToolProject");

    /// <summary>The repository the tool's project lives in (src/, tests/consumers/, build settings).</summary>
    public static string RepositoryRoot =>
        Klaviyo.OAuth.Conformance.Runner.RepositoryRoot.Find(Path.GetDirectoryName(ToolProject))
            ?? throw new DirectoryNotFoundException($"No {Klaviyo.OAuth.Conformance.Runner.RepositoryRoot.SolutionFile} above {ToolProject}.");

    private static string Existing(string key)
    {
        var path = typeof(BuiltArtifacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{key} was not built at {path}; build this project (it builds the emulator and the suite first).", path);
    }
}
