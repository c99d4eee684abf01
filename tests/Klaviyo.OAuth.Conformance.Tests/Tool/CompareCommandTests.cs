using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tests.Reporting.Drift;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>compare OLD NEW</c> as users call it: what it prints, what it writes, and its exit code.</summary>
public class CompareCommandTests : ToolCommandTests
{
    private const string Refresh = "token.refresh.succeeds";

    private string Write(Messages run, string name) =>
        run.WriteTo(Directory.CreateDirectory(Path.Combine(Folder, name)).FullName);

    /// <summary>A run's conformance.json, as <c>report</c> writes it.</summary>
    private string ConformanceJson(Messages run, string name)
    {
        var ndjson = Write(run, name);
        RunTool(["report", ndjson]).Should().BeOneOf(ExitCodes.Conforming, ExitCodes.FailsBuild);
        return Path.Combine(Path.GetDirectoryName(ndjson)!, "conformance.json");
    }

    private string Out => Path.Combine(Folder, "compared");

    [Test]
    public void A_regression_and_a_gained_field_exit_1_and_are_written_as_markdown_and_json()
    {
        var old = ConformanceJson(RunComparerTests.Run(answer: RunComparerTests.Usual), "old");
        var @new = ConformanceJson(RunComparerTests.Run(
            id => id == "token.invalid-client" ? Messages.Failed("Expected 401, got 400") : Messages.Passed,
            id => id == Refresh ? [RunComparerTests.Tokens("access_token", "expires_in", "refresh_token", "scope", "token_type")] : RunComparerTests.Usual(id)), "new");

        RunTool(["compare", old, @new, "--out", Out]).Should().Be(ExitCodes.FailsBuild, Output + Error);

        Output.Should().Contain("token.invalid-client").And.Contain("regressed").And.Contain("body gained field `scope`").And.Contain("REGRESSED: 1 behaviour(s)");
        File.ReadAllText(Path.Combine(Out, "compare.md")).Should().Contain("## Verdicts that changed").And.Contain("| `token.invalid-client` | ✅ satisfied | ❌ not satisfied | regressed |");
        File.ReadAllText(Path.Combine(Out, "compare.json")).Should().Contain("\"regressed\": true").And.Contain("\"move\": \"regressed\"").And.Contain("body gained field `scope`");
    }

    [Test]
    public void Two_runs_of_cucumber_messages_without_a_change_exit_0()
    {
        var old = Write(RunComparerTests.Run(answer: RunComparerTests.Usual), "old");
        var @new = Write(RunComparerTests.Run(answer: RunComparerTests.Usual), "new");

        RunTool(["compare", old, @new, "--out", Out]).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("NO REGRESSION: nothing changed");
    }

    [Test]
    public void Reports_folders_stand_for_their_conformance_json()
    {
        var old = ConformanceJson(RunComparerTests.Run(answer: RunComparerTests.Usual), "old");
        var @new = ConformanceJson(RunComparerTests.Run(answer: RunComparerTests.Usual), "new");

        RunTool(["compare", Path.GetDirectoryName(old)!, Path.GetDirectoryName(@new)!, "--out", Out]).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain($"old: {old}").And.Contain("NO REGRESSION");
    }

    [Test]
    public void An_improvement_and_satisfied_to_not_verified_exit_0()
    {
        var old = Write(RunComparerTests.Run(id => id == "token.invalid-client" ? Messages.Failed("Expected 401") : Messages.Passed), "old");
        var @new = Write(RunComparerTests.Run(id => id == Refresh ? Messages.Skipped("Not verified: needs Conformance:RefreshToken") : Messages.Passed), "new");

        RunTool(["compare", old, @new, "--out", Out]).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("improved").And.Contain("not verified any more (not a regression)");
    }

    [Test]
    public void Runs_that_share_no_verified_behaviour_exit_3()
    {
        var old = Write(RunComparerTests.Run(id => id.EndsWith("wrong-host", StringComparison.Ordinal) ? Messages.Passed : Messages.Skipped("Not verified: needs Conformance:ClientId")), "old");
        var @new = Write(RunComparerTests.Run(id => id.EndsWith("wrong-host", StringComparison.Ordinal) ? Messages.Skipped("Not verified") : Messages.Passed), "new");

        RunTool(["compare", old, @new, "--out", Out]).Should().Be(ExitCodes.Unverified, Output + Error);

        Output.Should().Contain("the two runs share no verified behaviour");
    }

    [Test]
    public void A_file_without_observations_compares_verdicts_only_and_says_so()
    {
        var old = ConformanceJson(new Messages().EveryBehaviourPassing(), "old");
        var @new = ConformanceJson(RunComparerTests.Run(answer: RunComparerTests.Usual), "new");

        RunTool(["compare", old, @new, "--out", Out]).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("has no observations").And.Contain("verdicts compared only");
    }

    [Test]
    public void A_missing_file_exits_2_naming_it()
    {
        var present = Write(new Messages().EveryBehaviourPassing(), "old");

        RunTool(["compare", present, Path.Combine(Folder, "nowhere.json"), "--out", Out]).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain("No such file: ").And.Contain("nowhere.json").And.NotContain("   at ");
        Directory.Exists(Out).Should().BeFalse("nothing is written for bad input");
    }

    [TestCase("""{"hello":"world"}""", "is neither a conformance.json nor a cucumber.ndjson")]
    [TestCase("""{"schemaVersion":99,"run":{}}""", "has schemaVersion 99, which this tool (schema 2) cannot read")]
    [TestCase("""{"schemaVersion":2,"run":{"targetKind":"embedded"},"groups":[{"behaviours":[{"id":"x","verdict":"splendid","scenarios":[]}]}]}""", "is not a conformance.json this tool can read")]
    [TestCase("not json at all", "is neither a conformance.json nor a cucumber.ndjson")]
    [TestCase("""{"schemaVersion":2,"run":{"targetKind":"embedded"},"groups":[{"behaviours":[{"id":"token.invalid-client","scenarios":[]}]}]}""", "behaviour 1 of group 1 has no \"verdict\"")]
    [TestCase("""{"schemaVersion":2,"run":{"targetKind":"embedded"},"groups":[{"title":"token"}]}""", "group 1 has no \"behaviours\" array")]
    [TestCase("""{"schemaVersion":2,"run":{"targetKind":"embedded"},"groups":[{"behaviours":[{"id":"a.b","verdict":"satisfied","scenarios":[]},{"id":"a.b","verdict":"satisfied","scenarios":[]}]}]}""", "behaviour \"a.b\" is listed twice")]
    public void A_file_of_the_wrong_shape_exits_2_naming_it(string content, string message)
    {
        var bad = Path.Combine(Folder, "bad.json");
        File.WriteAllText(bad, content);

        RunTool(["compare", Write(new Messages().EveryBehaviourPassing(), "old"), bad, "--out", Out]).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain(bad).And.Contain(message).And.NotContain("   at ");
        Error.Trim().Split('\n').Should().ContainSingle("one message");
    }

    [Test]
    public void Help_teaches_with_an_example()
    {
        RunTool(["compare", "--help"]).Should().Be(ExitCodes.Conforming);

        Output.Should().Contain("Examples:" + Environment.NewLine + "  klaviyo-oauth-conformance compare previous/conformance.json reports/conformance.json --out reports")
            .And.Contain("OLD").And.Contain("NEW").And.Contain("--out");
    }
}
