using System.Xml.Linq;
using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// A folder of .nupkg files packed from this repository with one unique version: a project and
/// every project it references (recursively), so a package that depends on another of this
/// repository's projects resolves it from the same folder. Packing happens on a copy of src/ and
/// the build settings, so the working tree's bin/ and obj/ (which other tests run from) are untouched.
/// </summary>
public sealed class LocalPackageFeed : IDisposable
{
    // MSBuild settings a parent `dotnet test` may leave in the environment; a child build must find its own.
    private static readonly string[] InheritedMsBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    private readonly DirectoryInfo _work;

    private LocalPackageFeed(DirectoryInfo work, string version, IReadOnlyList<string> packages)
    {
        _work = work;
        Version = version;
        Packages = packages;
    }

    /// <summary>Unique per feed, so no stale copy in the NuGet cache can stand in for it.</summary>
    public string Version { get; }

    public string Folder => Path.Combine(_work.FullName, "feed");

    /// <summary>The package ids packed, the requested project's first.</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>The environment for a child dotnet process: no MSBuild settings inherited from this test run.</summary>
    public static Dictionary<string, string?> CleanEnvironment() => InheritedMsBuildVariables.ToDictionary(name => name, _ => (string?)null);

    /// <summary>Packs <paramref name="projectUnderSrc"/> (e.g. "Klaviyo.OAuth.Emulator") and what it references.</summary>
    public static async Task<LocalPackageFeed> PackAsync(string repositoryRoot, string projectUnderSrc, TimeSpan timeout)
    {
        var work = Directory.CreateTempSubdirectory("package-feed-");
        var version = $"0.0.0-local.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        try
        {
            var copy = Path.Combine(work.FullName, "repository");
            CopySources(repositoryRoot, copy);
            var projects = WithReferences(Path.Combine(copy, "src", projectUnderSrc, projectUnderSrc + ".csproj"));
            foreach (var project in projects)
            {
                string[] arguments = ["pack", project, "-c", "Release", "-o", Path.Combine(work.FullName, "feed"), $"-p:Version={version}", "-nologo"];
                using var pack = ChildProcess.Start(DotnetHost.Path, arguments, copy, CleanEnvironment());
                if (!await pack.WaitForExitAsync(timeout))
                {
                    pack.KillTree();
                    throw new TimeoutException($"dotnet pack {Path.GetFileName(project)} ran longer than {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{pack.Output}");
                }

                if (pack.ExitCode != 0)
                {
                    throw new InvalidOperationException($"dotnet pack {Path.GetFileName(project)} exited with {pack.ExitCode}. Its output:{Environment.NewLine}{pack.Output}");
                }
            }

            return new LocalPackageFeed(work, version, [.. projects.Select(Path.GetFileNameWithoutExtension)!]);
        }
        catch
        {
            work.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>A nuget.config that adds this folder to the sources the machine already has.</summary>
    public void WriteNuGetConfig(string directory) =>
        new XDocument(new XElement("configuration", new XElement("packageSources", new XElement("add", new XAttribute("key", "local-feed"), new XAttribute("value", Folder)))))
            .Save(Path.Combine(directory, "nuget.config"));

    public void Dispose()
    {
        // The unique version's copy in the NuGet cache would otherwise pile up, one per run.
        foreach (var id in Packages)
        {
            var packageFolder = Path.Combine(NuGetCache(), id.ToLowerInvariant());
            TryDelete(Path.Combine(packageFolder, Version.ToLowerInvariant()));
            if (Directory.Exists(packageFolder) && !Directory.EnumerateFileSystemEntries(packageFolder).Any())
            {
                TryDelete(packageFolder);
            }
        }

        TryDelete(_work.FullName);
    }

    /// <summary>The project and, recursively, every project it references, each once; the project first.</summary>
    private static List<string> WithReferences(string project)
    {
        var all = new List<string>();
        var pending = new Queue<string>([Path.GetFullPath(project)]);
        while (pending.TryDequeue(out var next))
        {
            if (all.Contains(next))
            {
                continue;
            }

            all.Add(next);
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include)));
            }
        }

        return all;
    }

    private static void CopySources(string repositoryRoot, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            if (File.Exists(Path.Combine(repositoryRoot, file)))
            {
                File.Copy(Path.Combine(repositoryRoot, file), Path.Combine(destination, file));
            }
        }

        var source = Path.Combine(repositoryRoot, "src");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(destination, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string NuGetCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder or cache entry left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
