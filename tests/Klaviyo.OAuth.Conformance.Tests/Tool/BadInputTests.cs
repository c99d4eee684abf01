using System.Text.Json;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// Every input a user can get wrong, one row each: one message that names what to fix, exit code 2, no
/// stack trace, and nothing written; a mistyped name gets System.CommandLine's suggestion. The last row
/// is input that is not wrong but easy to misread: runs against different targets merged into one report.
/// </summary>
public class BadInputTests : ToolCommandTests
{
    private const string Garbage = "garbage.txt";

    /// <summary>A row: how to prepare the folder ({0} in the arguments), the exit code, and what the named stream says.</summary>
    public sealed record Input(string Name, Action<string> Prepare, string[] Args, int Exit, bool OnStandardError, string[] Says, Action<string>? Then = null)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<TestCaseData> Cases() => new Input[]
    {
        new("run --out at a file", folder => File.WriteAllText(Path.Combine(folder, "reports.txt"), "x"), ["run", "--out", "{0}/reports.txt"], ExitCodes.BadUsage, true, ["--out", "reports.txt is a file"]),
        new("run --out empty", _ => { }, ["run", "--out", ""], ExitCodes.BadUsage, true, ["--out is empty: give a folder for the reports"]),
        new("run --out under a file", folder => File.WriteAllText(Path.Combine(folder, "reports.txt"), "x"), ["run", "--out", "{0}/reports.txt/html"], ExitCodes.BadUsage, true, ["which is a file"]),
        new("run --out in a folder nobody may write", _ => { }, ["run", "--out", "/proc/klaviyo-oauth-conformance-reports"], ExitCodes.BadUsage, true, ["cannot write in /proc"]),
        new("run --filter with a mistyped tag", _ => { }, ["run", "--filter", "Category=documneted|Category=xyzzy"], ExitCodes.BadUsage, true,
            ["No scenario matches the filter 'Category=documneted|Category=xyzzy': no scenario is tagged 'documneted' (did you mean 'documented'?) or 'xyzzy'."]),
        new("report --out at a file", WriteRunAndFile, ["report", "{0}/run/cucumber.ndjson", "--out", "{0}/reports.txt"], ExitCodes.BadUsage, true, ["reports.txt is a file"]),
        new("report of a missing file", _ => { }, ["report", "{0}/missing.ndjson"], ExitCodes.BadUsage, true, ["No such file", "missing.ndjson"]),
        new("report of a file that is not Cucumber messages", WriteGarbage, ["report", "{0}/" + Garbage], ExitCodes.BadUsage, true, [Garbage, "holds no Cucumber messages"], NothingButTheGarbage),
        new("report of a folder without a run", _ => { }, ["report", "{0}"], ExitCodes.BadUsage, true, ["is a folder without cucumber.ndjson", "reports folder of a run"]),
        new("compare of a folder without a run", WriteRunAndFile, ["compare", "{0}/run", "{0}"], ExitCodes.BadUsage, true, ["is a folder without conformance.json or cucumber.ndjson"]),
        new("diagnose of a missing file", _ => { }, ["diagnose", "{0}/missing.har"], ExitCodes.BadUsage, true, ["missing.har", "no such file"]),
        new("diagnose of a folder", _ => { }, ["diagnose", "{0}"], ExitCodes.BadUsage, true, ["a folder, not a capture. Give the file"]),
        new("diagnose of garbage", WriteGarbage, ["diagnose", "{0}/" + Garbage], ExitCodes.BadUsage, true, [Garbage, "not a HAR file"]),
        new("grade of a missing file", _ => { }, ["grade", "{0}/missing.har"], ExitCodes.BadUsage, true, ["Cannot grade", "missing.har"]),
        new("grade of garbage", WriteGarbage, ["grade", "{0}/" + Garbage], ExitCodes.BadUsage, true, ["Cannot grade", Garbage]),
        new("grade --out at a file", WriteGarbage, ["grade", "{0}/" + Garbage, "--out", "{0}/" + Garbage], ExitCodes.BadUsage, true, [Garbage + " is a file"]),
        new("a mistyped command", _ => { }, ["rnu"], ExitCodes.BadUsage, true, ["'rnu'", "Did you mean", "run", "--help"]),
        new("a mistyped option", _ => { }, ["run", "--outt", "x"], ExitCodes.BadUsage, true, ["'--outt'", "Did you mean", "--out", "run --help"]),
        new("a mistyped option of grade", _ => { }, ["grade", "a.har", "--web-hots", "h:1"], ExitCodes.BadUsage, true, ["Did you mean", "--web-host"]),
        new("a merged report of runs against different targets", WriteRunsAgainstTwoTargets, ["report", "{0}/embedded/cucumber.ndjson", "{0}/remote/cucumber.ndjson", "--out", "{0}/merged"], ExitCodes.Conforming, false,
            ["2 different targets", "The merged runs tested different targets: embedded; remote (API https://a.example.test/, web https://www.example.test/)"], EachTargetRecorded),
    }.Select(c => new TestCaseData(c).SetName("tool_input_" + c.Name.Replace(' ', '_')));

    [TestCaseSource(nameof(Cases))]
    public void Each_input_gets_one_message_naming_what_to_fix_and_its_exit_code(Input row)
    {
        row.Prepare(Folder);

        var exit = RunTool([.. row.Args.Select(a => a.Replace("{0}", Folder, StringComparison.Ordinal))]);

        exit.Should().Be(row.Exit, "stdout: {0}{1}stderr: {2}", Output, Environment.NewLine, Error);
        var said = row.OnStandardError ? Error : Output;
        foreach (var words in row.Says)
        {
            said.Should().Contain(words);
        }

        (Output + Error).Should().NotContain("   at ").And.NotContain("Exception");
        if (row.OnStandardError)
        {
            Output.Should().BeEmpty("bad input writes nothing else");
        }

        row.Then?.Invoke(Folder);
    }

    private static void WriteGarbage(string folder) => File.WriteAllText(Path.Combine(folder, Garbage), "hello\nthis is not ndjson\n{\"nor\": \"a message\"}\n");

    private static void NothingButTheGarbage(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().Equal([Garbage], "no report is written for input that is not a run's messages");

    private static void WriteRunAndFile(string folder)
    {
        new Messages().EveryBehaviourPassing().WriteTo(Directory.CreateDirectory(Path.Combine(folder, "run")).FullName);
        File.WriteAllText(Path.Combine(folder, "reports.txt"), "x");
    }

    private static void WriteRunsAgainstTwoTargets(string folder)
    {
        var embedded = Directory.CreateDirectory(Path.Combine(folder, "embedded")).FullName;
        var remote = Directory.CreateDirectory(Path.Combine(folder, "remote")).FullName;
        new Messages().EveryBehaviourPassing().WriteTo(embedded);
        new RunDescription("embedded").WriteSidecar(embedded);
        new Messages().EveryBehaviourPassing().WriteTo(remote);
        new RunDescription("remote", "https://a.example.test", "https://www.example.test").WriteSidecar(remote);
    }

    private static void EachTargetRecorded(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "merged", "conformance.json")));
        var run = json.RootElement.GetProperty("run");
        run.GetProperty("targetKind").GetString().Should().Be(RunDescription.MixedTargets);
        run.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("targetKind").GetString()).Should().Equal("embedded", "remote");
        File.ReadAllText(Path.Combine(folder, "merged", "conformance.md")).Should().Contain("embedded; remote (API https://a.example.test/");
    }
}
