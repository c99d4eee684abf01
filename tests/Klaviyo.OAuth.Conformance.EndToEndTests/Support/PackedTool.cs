using System.Globalization;
using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// The tool as someone who never cloned the repository gets it: <c>dotnet pack</c> into a local
/// feed with a version no other run used (so no package cache serves a stale copy), then
/// <c>dotnet tool install --tool-path … --add-source …</c>. Disposing removes feed and install.
/// </summary>
public sealed class PackedTool : IDisposable
{
    public const string PackageId = "Klaviyo.OAuth.Conformance.Tool";
    public const string CommandName = "klaviyo-oauth-conformance";

    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo _root;

    private PackedTool(DirectoryInfo root, string executable)
    {
        _root = root;
        Executable = executable;
    }

    /// <summary>The installed command, <c>&lt;tool-path&gt;/klaviyo-oauth-conformance</c>.</summary>
    public string Executable { get; }

    public static async Task<PackedTool> PackAndInstallAsync()
    {
        var root = Directory.CreateTempSubdirectory("packed-tool-");
        var feed = root.CreateSubdirectory("feed").FullName;
        var tools = root.CreateSubdirectory("tools").FullName;
        // Only the package's version is unique: the assemblies need no rebuild for it.
        var version = "0.1.0-e2e." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        await DotnetAsync(root.FullName, "pack", BuiltArtifacts.ToolProject, "-o", feed, $"-p:PackageVersion={version}", "--nologo");
        await DotnetAsync(root.FullName, "tool", "install", "--tool-path", tools, "--add-source", feed, PackageId, "--version", version);
        var executable = Path.Combine(tools, OperatingSystem.IsWindows() ? CommandName + ".exe" : CommandName);
        return File.Exists(executable)
            ? new PackedTool(root, executable)
            : throw new InvalidOperationException($"dotnet tool install left no {executable}.");
    }

    /// <summary>Runs the installed command in <paramref name="workingDirectory"/> and waits for it.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        using var process = ChildProcess.Start(Executable, arguments, workingDirectory, new Dictionary<string, string?>
        {
            // A user's shell has none of the test run's settings.
            ["CONFORMANCE_REPORTS_DIR"] = null,
        });
        if (!await process.WaitForExitAsync(CommandLimit))
        {
            process.KillTree();
            throw new TimeoutException($"{CommandName} {string.Join(' ', arguments)} did not finish within {CommandLimit.TotalMinutes:0} minutes. Output:{Environment.NewLine}{process.Output}");
        }

        return (process.ExitCode, process.Output);
    }

    public DirectoryInfo NewWorkingDirectory(string name) => _root.CreateSubdirectory(name);

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by an exiting process: the temp folder is cleaned up later.
        }
    }

    private static async Task DotnetAsync(string workingDirectory, params string[] arguments)
    {
        using var process = ChildProcess.Start(DotnetHost.Path, arguments, workingDirectory, new Dictionary<string, string?>());
        if (!await process.WaitForExitAsync(CommandLimit) || process.ExitCode != 0)
        {
            process.KillTree();
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed. Output:{Environment.NewLine}{process.Output}");
        }
    }
}
