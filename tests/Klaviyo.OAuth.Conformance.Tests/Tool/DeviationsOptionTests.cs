using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>report --deviations FILE [--strict-deviations]</c>: the same file and rules as <c>run</c>, for saved and merged runs.</summary>
public class DeviationsOptionTests : ToolCommandTests
{
    private string Deviations(string json)
    {
        var path = Path.Combine(Folder, "deviations.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Test]
    public void Listed_failures_are_known_deviations_and_the_run_passes()
    {
        var file = Deviations("""
            [
              { "id": "token.invalid-client", "reason": "our gateway answers 400 for a missing header" },
              { "id": "api.not-authenticated", "reason": "not implemented on staging", "until": "2999-12-31" }
            ]
            """);
        var ndjson = new Messages().EveryBehaviourPassing()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("Expected 401, got 400"))
            .Scenario("malformed header", ["@documented", "@api.not-authenticated"], Messages.Failed("Expected 401, got 403"))
            .WriteTo(Folder);

        RunTool(["report", ndjson, "--deviations", file]).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("known deviation: our gateway answers 400 for a missing header").And.Contain("PASSES");
        File.ReadAllText(Path.Combine(Folder, "conformance.md")).Should().Contain("## Known deviations");
    }

    [Test]
    public void A_resolved_deviation_warns_and_fails_only_when_strict()
    {
        var file = Deviations("""[{ "id": "revoke.succeeds", "reason": "staging never revoked" }]""");
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(Folder);

        RunTool(["report", ndjson, "--deviations", file]).Should().Be(ExitCodes.Conforming);
        Output.Should().Contain("deviation resolved");
        RunTool(["report", ndjson, "--deviations", file, "--strict-deviations"]).Should().Be(ExitCodes.FailsBuild);
        Output.Should().Contain("FAILS: a known deviation is resolved");
    }

    [Test]
    public void An_expired_entry_fails_as_an_unlisted_failure_would()
    {
        var file = Deviations("""[{ "id": "token.invalid-client", "reason": "gateway bug 123", "until": "2020-01-31" }]""");
        var ndjson = new Messages().EveryBehaviourPassing()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("Expected 401, got 400"))
            .WriteTo(Folder);

        RunTool(["report", ndjson, "--deviations", file]).Should().Be(ExitCodes.FailsBuild);
        Output.Should().Contain("the known deviation (gateway bug 123) expired after 2020-01-31");
    }

    [Test]
    public void A_merge_of_split_runs_applies_the_file_too()
    {
        var file = Deviations("""[{ "id": "token.invalid-client", "reason": "gateway" }]""");
        var first = new Messages().EveryBehaviourPassing().WriteTo(Directory.CreateDirectory(Path.Combine(Folder, "a")).FullName);
        var second = new Messages()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("Expected 401, got 400"))
            .WriteTo(Directory.CreateDirectory(Path.Combine(Folder, "b")).FullName);

        RunTool(["report", first, second, "--deviations", file, "--out", Folder]).Should().Be(ExitCodes.Conforming, Output);
        File.ReadAllText(Path.Combine(Folder, "conformance.json")).Should().Contain("\"known-deviation\": 1");
    }

    [TestCase("""[{ "id": "token.nope", "reason": "r" }]""", "entry 1: \"token.nope\" is not a behaviour of the catalogue")]
    [TestCase("""[{ "id": "revoke.succeeds", "reason": "r" }, { "id": "revoke.succeeds", "reason": "r" }]""", "entry 2: \"revoke.succeeds\" is listed twice")]
    [TestCase("""{"revoke.succeeds": "r"}""", "holds an object, not an array")]
    public void A_file_that_cannot_be_used_exits_2_naming_the_entry(string json, string message)
    {
        var file = Deviations(json);
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(Folder);

        RunTool(["report", ndjson, "--deviations", file]).Should().Be(ExitCodes.BadUsage);
        Error.Should().Contain(message).And.NotContain("   at ");
    }
}
