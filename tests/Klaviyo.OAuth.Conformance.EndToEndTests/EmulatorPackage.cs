using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The emulator as an integration's tests get it: packed as a NuGet package into a local folder
/// with a unique version, then consumed by tests/consumers/EmulatorConsumer (a project outside the
/// solution, as an integration's own repository would be) with plain <c>dotnet test</c>.
/// </summary>
public sealed class EmulatorPackage
{
    [Test]
    public async Task A_test_project_outside_the_solution_runs_against_the_packed_emulator()
    {
        using var feed = await LocalPackageFeed.PackAsync(BuiltArtifacts.RepositoryRoot, "Klaviyo.OAuth.Emulator", TimeSpan.FromMinutes(5));
        File.Exists(Path.Combine(feed.Folder, $"Klaviyo.OAuth.Emulator.{feed.Version}.nupkg")).Should().BeTrue();
        var consumer = Directory.CreateTempSubdirectory("emulator-consumer-");
        try
        {
            CopyProject(Path.Combine(BuiltArtifacts.RepositoryRoot, "tests", "consumers", "EmulatorConsumer"), consumer.FullName);
            feed.WriteNuGetConfig(consumer.FullName);
            var environment = LocalPackageFeed.CleanEnvironment();
            environment["EmulatorVersion"] = feed.Version;

            var run = await DotnetTest.RunAsync(Path.Combine(consumer.FullName, "EmulatorConsumer.csproj"), consumer.FullName, environment, timeout: TimeSpan.FromMinutes(5));

            run.ExitCode.Should().Be(0, run.Output);
            run.Results.Should().HaveCount(2).And.OnlyContain(r => r.Passed, run.Output);
            File.ReadAllText(Path.Combine(consumer.FullName, "obj", "project.assets.json")).Should().Contain($"Klaviyo.OAuth.Emulator/{feed.Version}", "the package came from the local folder");
        }
        finally
        {
            consumer.Delete(recursive: true);
        }
    }

    private static void CopyProject(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(destination, relative))!);
            File.Copy(file, Path.Combine(destination, relative));
        }
    }
}
