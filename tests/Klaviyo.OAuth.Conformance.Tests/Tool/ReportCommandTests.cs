using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

public class ReportCommandTests : ToolCommandTests
{
    private int Run(params string[] args) => RunTool(["report", .. args]);

    [Test]
    public void A_conforming_run_exits_0_and_writes_the_reports_beside_the_messages()
    {
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(Folder);

        Run(ndjson).Should().Be(ExitCodes.Conforming);
        Directory.GetFiles(Folder).Select(Path.GetFileName).Should().Contain(["conformance.json", "conformance.md", "conformance.html", "junit.xml"]);
        Output.Should().Contain("PASSES");
    }

    [Test]
    public void A_reports_folder_stands_for_its_cucumber_ndjson()
    {
        new Messages().EveryBehaviourPassing().WriteTo(Folder);

        Run(Folder, "--out", Path.Combine(Folder, "again")).Should().Be(ExitCodes.Conforming, Error);
        File.Exists(Path.Combine(Folder, "again", "conformance.json")).Should().BeTrue();
    }

    [Test]
    public void A_run_with_a_documented_failure_exits_1_and_prints_the_summary()
    {
        Run(TestData.MixedVerdicts, "--out", Folder).Should().Be(ExitCodes.FailsBuild);

        Output.Should().Contain("token.invalid-client").And.Contain(Folder);
        File.Exists(Path.Combine(Folder, "junit.xml")).Should().BeTrue();
    }

    [Test]
    public void A_run_whose_target_was_unreachable_verified_nothing_and_exits_3()
    {
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(Folder);
        new RunDescription("remote", Unreachable: "GET http://127.0.0.1:9/ could not be reached: connection refused").WriteSidecar(Folder);

        Run(ndjson).Should().Be(ExitCodes.Unverified);
        Output.Should().Contain("FAILS: GET http://127.0.0.1:9/ could not be reached: connection refused");
    }

    [Test]
    public void A_run_that_verified_nothing_exits_3_naming_the_settings()
    {
        var messages = new Messages();
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            messages.Scenario(behaviour.Id, [behaviour.Level.Tag(), behaviour.Tag], Messages.SkippedByException("Not verified: set Conformance:ClientId."));
        }

        var ndjson = messages.WriteTo(Folder);

        Run(ndjson).Should().Be(ExitCodes.Unverified);
        Output.Should().Contain("no documented behaviour was verified").And.Contain("Conformance:ClientId");
    }

    [Test]
    public void An_advisory_failure_exits_0_unless_advisory_rows_are_strict()
    {
        var ndjson = new Messages().EveryBehaviourPassing()
            .Scenario("no Retry-After", ["@rfc-should", "@rfc6585.retry-after"], Messages.Failed("none"))
            .WriteTo(Folder);

        Run(ndjson).Should().Be(ExitCodes.Conforming);
        Run(ndjson, "--strict-advisory").Should().Be(ExitCodes.FailsBuild);
    }

    [Test]
    public void A_missing_file_exits_2_with_a_clear_message_and_no_stack_trace()
    {
        Run(Path.Combine(Folder, "nope.ndjson")).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain("No such file").And.NotContain("   at ");
    }

    [TestCase]
    [TestCase("--out")]
    [TestCase("--bogus", "x.ndjson")]
    [TestCase("a.ndjson", "--max-evidence", "lots")]
    [TestCase("a.ndjson", "--max-evidence", "0")]
    public void Bad_usage_exits_2_with_one_message_and_no_stack_trace(params string[] args)
    {
        Run(args).Should().Be(ExitCodes.BadUsage);

        Error.Should().NotBeEmpty().And.NotContain("   at ");
    }

    [Test]
    public void Several_runs_merge_into_one_matrix()
    {
        var first = Directory.CreateDirectory(Path.Combine(Folder, "token")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(Folder, "rest")).FullName;
        new Messages().EveryBehaviourPassing().WriteTo(first);
        new Messages().Scenario("extra advisory", ["@rfc-should", "@rfc6585.retry-after"], Messages.Failed("none")).WriteTo(second);

        Run(Path.Combine(first, "cucumber.ndjson"), "--out", Folder, "--strict-advisory").Should().Be(ExitCodes.Conforming);
        Run(Path.Combine(first, "cucumber.ndjson"), Path.Combine(second, "cucumber.ndjson"), "--out", Folder, "--strict-advisory").Should().Be(ExitCodes.FailsBuild);

        Output.Should().MatchRegex(@"advisory not met\W+1\W").And.Contain("rfc6585.retry-after");
    }

    [Test]
    public void Help_exits_0_and_shows_the_usage()
    {
        Run("--help").Should().Be(ExitCodes.Conforming);

        Output.Should().Contain("Usage:");
    }

    [Test]
    public void The_evidence_length_can_be_set_on_the_command_line()
    {
        Run(TestData.MixedVerdicts, "--out", Folder, "--max-evidence", "10");

        File.ReadAllText(Path.Combine(Folder, "conformance.md")).Should().Contain("Expected a… [truncated 52 chars]");
    }
}
