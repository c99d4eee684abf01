using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.GitHub;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting.GitHub;

/// <summary>Workflow commands as GitHub's runner parses them, and only inside a GitHub Actions step.</summary>
public class WorkflowCommandsTests
{
    [Test]
    public void Data_escapes_percent_cr_and_lf_and_properties_also_colon_and_comma()
    {
        WorkflowCommands.EscapeData("100% sure\r\nnext: a, b").Should().Be("100%25 sure%0D%0Anext: a, b");
        WorkflowCommands.EscapeProperty("100% sure\r\nnext: a, b").Should().Be("100%25 sure%0D%0Anext%3A a%2C b");
    }

    [Test]
    public void An_annotation_names_file_line_and_title_escaped()
    {
        var line = WorkflowCommands.Format(new Annotation(AnnotationLevel.Error, "token.invalid-client", "not satisfied: 400,\nnot 401", "features/a,b.feature", 12));

        line.Should().Be("::error file=features/a%2Cb.feature,line=12,title=token.invalid-client::not satisfied: 400,%0Anot 401");
    }

    [Test]
    public void Without_a_file_there_is_neither_file_nor_line() =>
        WorkflowCommands.Format(new Annotation(AnnotationLevel.Warning, "rfc6585.retry-after", "m", null, 3))
            .Should().Be("::warning title=rfc6585.retry-after::m");

    [Test]
    public void At_most_ten_of_each_level_the_last_naming_the_rest()
    {
        var errors = Enumerable.Range(1, 25).Select(i => new Annotation(AnnotationLevel.Error, $"e{i}", "m"));
        var warnings = Enumerable.Range(1, 3).Select(i => new Annotation(AnnotationLevel.Warning, $"w{i}", "m"));

        var shown = WorkflowCommands.Limit(errors.Concat(warnings)).ToList();

        shown.Where(a => a.Level == AnnotationLevel.Error).Should().HaveCount(10);
        shown.Where(a => a.Level == AnnotationLevel.Warning).Select(a => a.Title).Should().Equal("w1", "w2", "w3");
        var last = shown.Last(a => a.Level == AnnotationLevel.Error);
        last.Title.Should().Be("16 more");
        last.Message.Should().Contain(string.Join(", ", Enumerable.Range(10, 16).Select(i => $"e{i}")));
    }

    [Test]
    public void Ten_exactly_are_all_shown() =>
        WorkflowCommands.Limit(Enumerable.Range(1, 10).Select(i => new Annotation(AnnotationLevel.Error, $"e{i}", "m")))
            .Select(a => a.Title).Should().Equal(Enumerable.Range(1, 10).Select(i => $"e{i}"));

    [Test]
    public void Off_github_actions_nothing_is_written()
    {
        var output = new StringWriter();
        var summary = Path.Combine(TestData.TempDirectory(), "summary.md");

        new GitHubActions(name => name == "GITHUB_STEP_SUMMARY" ? summary : null).Publish(ConformanceReport.Build(TestData.MixedVerdicts), output);

        output.ToString().Should().BeEmpty();
        File.Exists(summary).Should().BeFalse();
    }

    private static ConformanceMatrix TwoFailures() => new ConformanceMatrixBuilder().Build(new Messages().EveryBehaviourPassing()
        .Scenario("A request without an Authorization header is refused", ["@documented", "@token.invalid-client"], Messages.Failed("Expected status 401 but was 400."))
        .Scenario("A 429 says when to retry", ["@rfc-should", "@rfc6585.retry-after"], Messages.Failed("No Retry-After header."))
        .Reader());

    private static (string Output, string Summary) Publish(ConformanceMatrix matrix, string workspace)
    {
        var summary = Path.Combine(workspace, "summary.md");
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = workspace, ["GITHUB_STEP_SUMMARY"] = summary };
        var output = new StringWriter();
        new GitHubActions(name => environment.GetValueOrDefault(name)).Publish(matrix, output);
        return (output.ToString(), File.ReadAllText(summary));
    }

    [Test]
    public void In_a_clone_failures_are_annotated_on_their_scenario_line_and_the_matrix_goes_to_the_summary()
    {
        var workspace = TestData.TempDirectory();
        Directory.CreateDirectory(Path.Combine(workspace, "features"));
        File.WriteAllLines(Path.Combine(workspace, "features", "generated.feature"),
        [
            "Feature: Generated",
            "",
            "  @documented @token.invalid-client",
            "  Scenario: A request without an Authorization header is refused",
            "    When something",
            "",
            "  @rfc-should @rfc6585.retry-after",
            "  Scenario Outline: A <status> says when to retry",
            "    Examples:",
        ]);

        var (output, summary) = Publish(TwoFailures(), workspace);

        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "::error file=features/generated.feature,line=4,title=token.invalid-client::not satisfied: Expected status 401 but was 400.",
            "::warning file=features/generated.feature,line=8,title=rfc6585.retry-after::advisory not met: No Retry-After header.");
        summary.Should().Contain("# Klaviyo OAuth conformance").And.Contain("| `token.invalid-client` | documented | ❌ not satisfied |");
    }

    [Test]
    public void From_an_installed_tool_the_feature_file_is_not_in_the_workspace_and_no_file_is_named()
    {
        var (output, _) = Publish(TwoFailures(), TestData.TempDirectory());

        output.Should().Contain("::error title=token.invalid-client::not satisfied: Expected status 401 but was 400.")
            .And.Contain("::warning title=rfc6585.retry-after::").And.NotContain("file=");
    }

    [Test]
    public void A_known_deviation_is_not_annotated_and_a_resolved_one_is_a_warning()
    {
        var deviations = Klaviyo.OAuth.Conformance.Deviations.KnownDeviations.Parse(
            """[{ "id": "token.invalid-client", "reason": "gateway" }, { "id": "revoke.succeeds", "reason": "staging" }]""",
            "d.json", Guide.Catalogue.BehaviourCatalogue.All.Select(b => b.Id).ToHashSet(), "a behaviour", new DateOnly(2026, 12, 6));
        var matrix = new ConformanceMatrixBuilder(new ReportOptions { Deviations = deviations }).Build(new Messages().EveryBehaviourPassing()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("400"))
            .Reader());

        var (output, _) = Publish(matrix, TestData.TempDirectory());

        output.Should().NotContain("token.invalid-client").And.Contain("::warning title=revoke.succeeds::deviation resolved: ");
    }
}
