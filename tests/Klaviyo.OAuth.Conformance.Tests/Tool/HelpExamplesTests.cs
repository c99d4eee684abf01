using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Conformance.Tool;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;
using Capture = Klaviyo.OAuth.Conformance.Tests.Conduct.Traffic;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// Each command's help ends with examples a newcomer can copy: every one parses, and those over files
/// run as written, in a folder holding the files they name, without a usage error.
/// </summary>
[NonParallelizable]
public sealed class HelpExamplesTests : ToolCommandTests
{
    public static IEnumerable<TestCaseData> Examples() =>
        ToolCommands.Examples.SelectMany(c => c.Value.Select(e => new TestCaseData(c.Key, e).SetArgDisplayNames(e)));

    [TestCaseSource(nameof(Examples))]
    public void Each_example_is_in_its_commands_help_and_parses(string command, string example)
    {
        RunTool([command, "--help"]).Should().Be(ExitCodes.Conforming);

        Output.Should().Contain($"Examples:").And.Contain($"  {ToolCommands.Name} {example}{Environment.NewLine}");
        ToolCommands.Parse(Words(example)).Errors.Select(e => e.Message).Should().BeEmpty();
    }

    [Test]
    public void The_tools_own_help_shows_the_first_example_of_each_command()
    {
        RunTool(["--help"]).Should().Be(ExitCodes.Conforming);

        foreach (var (_, examples) in ToolCommands.Examples)
        {
            Output.Should().Contain($"  {ToolCommands.Name} {examples[0]}{Environment.NewLine}");
        }
    }

    [Test]
    public void The_examples_over_files_run_as_written_where_the_files_are()
    {
        foreach (var run in new[] { "reports", "previous", "token", "rest" })
        {
            new Messages().EveryBehaviourPassing().WriteTo(Directory.CreateDirectory(Path.Combine(Folder, run)).FullName);
        }

        RunTool(["report", Path.Combine(Folder, "previous")]).Should().Be(ExitCodes.Conforming, "a run from before: {0}", Error);

        var har = new Capture().Authorize(0).CodeExchange(1).CallApi(2).WriteHar(Folder);
        File.Copy(har, Path.Combine(Folder, "capture.har"));
        var overFiles = ToolCommands.Examples.Values.SelectMany(e => e).Where(e => !e.Contains("http://", StringComparison.Ordinal) && !e.StartsWith("run", StringComparison.Ordinal)).ToList();
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Folder;
            // report first: compare's examples read the conformance.json it writes in reports.
            foreach (var example in overFiles.OrderBy(e => e.StartsWith("report", StringComparison.Ordinal) ? 0 : 1))
            {
                using var input = File.OpenRead(har);
                RunTool(Words(example), input).Should().BeOneOf([ExitCodes.Conforming, ExitCodes.FailsBuild, ExitCodes.Unverified], "{0}: {1}", example, Error);
            }
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }

        overFiles.Select(e => e.Split(' ')[0]).Distinct().Should().BeEquivalentTo(["report", "diagnose", "grade", "compare"]);
        Error.Should().BeEmpty();
    }

    /// <summary>The example's words as a shell passes them: split at spaces outside double quotes.</summary>
    private static string[] Words(string example) =>
        example.Split('"').SelectMany((part, i) => i % 2 == 1 ? [part] : part.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
