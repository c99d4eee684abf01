using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

public class ReportCommandTests
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private string directory = null!;

    [SetUp]
    public void NewDirectory() => directory = TestData.TempDirectory();

    [TearDown]
    public void RemoveDirectory()
    {
        Directory.Delete(directory, recursive: true);
        output.GetStringBuilder().Clear();
        error.GetStringBuilder().Clear();
    }

    [OneTimeTearDown]
    public void DisposeWriters()
    {
        output.Dispose();
        error.Dispose();
    }

    private int Run(params string[] args) => ToolCommands.RunAsync(["report", .. args], output, error).GetAwaiter().GetResult();

    [Test]
    public void A_conforming_run_exits_0_and_writes_the_reports_beside_the_messages()
    {
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(directory);

        Run(ndjson).Should().Be(ExitCodes.Conforming);
        Directory.GetFiles(directory).Select(Path.GetFileName).Should().Contain(["conformance.json", "conformance.md", "conformance.html", "junit.xml"]);
        output.ToString().Should().Contain("PASSES");
    }

    [Test]
    public void A_run_with_a_documented_failure_exits_1_and_prints_the_summary()
    {
        Run(TestData.MixedVerdicts, "--out", directory).Should().Be(ExitCodes.FailsBuild);

        output.ToString().Should().Contain("token.invalid-client").And.Contain(directory);
        File.Exists(Path.Combine(directory, "junit.xml")).Should().BeTrue();
    }

    [Test]
    public void A_run_whose_target_was_unreachable_exits_1_as_the_suite_did_even_with_every_scenario_skipped()
    {
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(directory);
        new RunDescription("remote", Unreachable: "GET http://127.0.0.1:9/ could not be reached: connection refused").WriteSidecar(directory);

        Run(ndjson).Should().Be(ExitCodes.FailsBuild);
        output.ToString().Should().Contain("FAILS: GET http://127.0.0.1:9/ could not be reached: connection refused");
    }

    [Test]
    public void A_run_that_verified_nothing_exits_1_naming_the_settings()
    {
        var messages = new Messages();
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            messages.Scenario(behaviour.Id, [behaviour.Level.Tag(), behaviour.Tag], Messages.SkippedByException("Not verified: set Conformance:ClientId."));
        }

        var ndjson = messages.WriteTo(directory);

        Run(ndjson).Should().Be(ExitCodes.FailsBuild);
        output.ToString().Should().Contain("no documented behaviour was verified").And.Contain("Conformance:ClientId");
    }

    [Test]
    public void An_advisory_failure_exits_0_unless_advisory_rows_are_strict()
    {
        var ndjson = new Messages().EveryBehaviourPassing()
            .Scenario("no Retry-After", ["@rfc-should", "@rfc6585.retry-after"], Messages.Failed("none"))
            .WriteTo(directory);

        Run(ndjson).Should().Be(ExitCodes.Conforming);
        Run(ndjson, "--strict-advisory").Should().Be(ExitCodes.FailsBuild);
    }

    [Test]
    public void A_missing_file_exits_2_with_a_clear_message_and_no_stack_trace()
    {
        Run(Path.Combine(directory, "nope.ndjson")).Should().Be(ExitCodes.BadUsage);

        error.ToString().Should().Contain("No such file").And.NotContain("   at ");
    }

    [TestCase]
    [TestCase("--out")]
    [TestCase("--bogus", "x.ndjson")]
    [TestCase("a.ndjson", "--max-evidence", "lots")]
    [TestCase("a.ndjson", "--max-evidence", "0")]
    public void Bad_usage_exits_2_with_one_message_and_no_stack_trace(params string[] args)
    {
        Run(args).Should().Be(ExitCodes.BadUsage);

        error.ToString().Should().NotBeEmpty().And.NotContain("   at ");
    }

    [Test]
    public void Several_runs_merge_into_one_matrix()
    {
        var first = Directory.CreateDirectory(Path.Combine(directory, "token")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(directory, "rest")).FullName;
        new Messages().EveryBehaviourPassing().WriteTo(first);
        new Messages().Scenario("extra advisory", ["@rfc-should", "@rfc6585.retry-after"], Messages.Failed("none")).WriteTo(second);

        Run(Path.Combine(first, "cucumber.ndjson"), "--out", directory, "--strict-advisory").Should().Be(ExitCodes.Conforming);
        Run(Path.Combine(first, "cucumber.ndjson"), Path.Combine(second, "cucumber.ndjson"), "--out", directory, "--strict-advisory").Should().Be(ExitCodes.FailsBuild);

        output.ToString().Should().Contain("1 advisory not met");
    }

    [Test]
    public void Help_exits_0_and_shows_the_usage()
    {
        Run("--help").Should().Be(ExitCodes.Conforming);

        output.ToString().Should().Contain("Usage:");
    }

    [Test]
    public void The_evidence_length_can_be_set_on_the_command_line()
    {
        Run(TestData.MixedVerdicts, "--out", directory, "--max-evidence", "10");

        File.ReadAllText(Path.Combine(directory, "conformance.md")).Should().Contain("Expected a… [truncated 52 chars]");
    }
}
