using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>report</c> in a GitHub Actions step, as when a CI job merges the messages of runs split by tag:
/// the same annotations and job summary as <c>run</c> writes.
/// </summary>
[NonParallelizable]
public class ReportInCiTests : ToolCommandTests
{
    [Test]
    public void In_github_actions_a_failed_behaviour_is_an_error_annotation_and_the_summary_gets_the_matrix()
    {
        var summary = Path.Combine(Folder, "step-summary.md");
        RunToolInGitHubActions(["report", TestData.MixedVerdicts, "--out", Folder], summary).Should().Be(ExitCodes.FailsBuild);

        Output.Should().MatchRegex(@"(?m)^::error [^\n]*title=token\.invalid-client::");
        File.ReadAllText(summary).Should().Contain("`token.invalid-client`");
    }

    [Test]
    public void Off_github_actions_report_writes_no_workflow_command()
    {
        RunTool(["report", TestData.MixedVerdicts, "--out", Folder]).Should().Be(ExitCodes.FailsBuild);

        Output.Should().NotContain("::error").And.NotContain("::warning");
    }
}
