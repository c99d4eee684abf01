using FluentAssertions;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;
using Capture = Klaviyo.OAuth.Conformance.Tests.Conduct.Traffic;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>grade</c> in a GitHub Actions step, and with a known-deviations file of client rules.</summary>
[NonParallelizable]
public class GradeInCiTests : ToolCommandTests
{
    private string BrokenBasicAuth() => new Capture()
        .Send(0, "POST", Capture.Api + "/oauth/token", 401, "grant_type=refresh_token&refresh_token=r1-refresh-token&client_id=app&client_secret=s3cr3t-value", authorization: null)
        .WriteHar(Folder);

    private string Deviations(string json)
    {
        var path = Path.Combine(Folder, "client-deviations.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Test]
    public void In_github_actions_a_broken_rule_is_an_error_annotation_and_the_summary_gets_the_table()
    {
        var summary = Path.Combine(Folder, "step-summary.md");
        RunToolInGitHubActions(["grade", BrokenBasicAuth()], summary).Should().Be(ExitCodes.FailsBuild);

        Output.Should().Contain("::error title=client.basic-auth::").And.NotContain("s3cr3t-value");
        File.ReadAllText(summary).Should().Contain("# Client conduct").And.Contain("`client.basic-auth`");
    }

    [Test]
    public void Off_github_actions_no_workflow_command_is_written()
    {
        RunTool(["grade", BrokenBasicAuth()]).Should().Be(ExitCodes.FailsBuild);

        Output.Should().NotContain("::error").And.NotContain("::warning");
    }

    [Test]
    public void A_listed_broken_rule_is_a_known_deviation_and_passes()
    {
        var file = Deviations("""[{ "id": "client.basic-auth", "reason": "our SDK sends the secret in the body until v3" }]""");

        RunTool(["grade", BrokenBasicAuth(), "--deviations", file, "--out", Folder]).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("known deviation  client.basic-auth").And.Contain("known deviation: our SDK sends the secret in the body until v3");
        File.ReadAllText(Path.Combine(Folder, "client-conduct.junit.xml")).Should().Contain("<skipped message=\"known deviation: our SDK sends the secret in the body until v3\"");
        File.ReadAllText(Path.Combine(Folder, "client-conduct.json")).Should().Contain("\"verdict\": \"known deviation\"");
    }

    [Test]
    public void A_listed_rule_the_app_keeps_fails_only_with_strict_deviations()
    {
        var file = Deviations("""[{ "id": "client.basic-auth", "reason": "was broken" }]""");
        var clean = new Capture().Authorize(0).CodeExchange(1).CallApi(2).WriteHar(Folder);

        RunTool(["grade", clean, "--web-host", "www.klaviyo.com", "--deviations", file]).Should().Be(ExitCodes.Conforming);
        Output.Should().Contain("deviation resolved");
        RunTool(["grade", clean, "--web-host", "www.klaviyo.com", "--deviations", file, "--strict-deviations"]).Should().Be(ExitCodes.FailsBuild);
    }

    [Test]
    public void A_behaviour_id_is_not_a_client_rule_exit_2()
    {
        var file = Deviations("""[{ "id": "token.invalid-client", "reason": "r" }]""");

        RunTool(["grade", BrokenBasicAuth(), "--deviations", file]).Should().Be(ExitCodes.BadUsage);
        Error.Should().Contain("entry 1: \"token.invalid-client\" is not a client-conduct rule");
    }
}
