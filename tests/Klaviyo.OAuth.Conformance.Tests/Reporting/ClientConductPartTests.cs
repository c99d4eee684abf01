using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide.Conduct;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

/// <summary>
/// The reports' part for the client-conduct rules' scenarios: a row per rule, beside the tips.
/// Those scenarios test the rule engine, so they touch no behaviour row and no verdict of the run.
/// </summary>
public class ClientConductPartTests
{
    private static ConformanceMatrix Matrix(string failure = "expected request 11 to break the rule")
    {
        var directory = TestData.TempDirectory();
        var ndjson = new Messages().EveryBehaviourPassing()
            .Scenario("Every request carries the Basic header", ["@client.basic-auth", "@documented"], Messages.Passed)
            .Scenario("The eleventh refresh within a minute", ["@client.refresh-rate", "@documented"], Messages.Failed(failure))
            .WriteTo(directory);
        return ConformanceReport.Build(ndjson);
    }

    [Test]
    public void Each_rule_is_a_row_with_the_verdict_of_its_scenarios()
    {
        var matrix = Matrix();

        matrix.ConductRuleRows.Select(r => r.Id).Should().Equal(ClientRuleCatalogue.All.Select(r => r.Id));
        matrix.ConductRuleRows.Single(r => r.Id == "client.basic-auth").Verdict.Should().Be(Verdict.Satisfied);
        matrix.ConductRuleRows.Single(r => r.Id == "client.refresh-rate").Verdict.Should().Be(Verdict.NotSatisfied);
        matrix.ConductRuleRows.Single(r => r.Id == "client.state").Verdict.Should().Be(Verdict.NotVerified);
    }

    [Test]
    public void Conduct_scenarios_are_not_behaviours_nor_suite_defects_and_never_fail_the_run()
    {
        var matrix = Matrix();

        matrix.Defects.Should().BeEmpty();
        matrix.Rows.Should().OnlyContain(r => r.Verdict == Verdict.Satisfied && r.Scenarios.All(s => !s.IsConduct));
        matrix.FailsBuild(strictAdvisory: true).Should().BeFalse();
    }

    [Test]
    public void Every_report_format_has_the_conduct_part()
    {
        var matrix = Matrix();

        ConformanceMarkdownWriter.Render(matrix).Should().Contain("## Client conduct rules").And.Contain("| `client.basic-auth` | documented |");
        ConformanceJsonWriter.Render(matrix).Should().Contain("\"clientConductRules\"").And.Contain("\"id\": \"client.refresh-rate\"").And.Contain("\"level\": \"rfc-must\"");
        ConformanceHtmlWriter.Render(matrix).Should().Contain("id=\"client-conduct-rules\"").And.Contain("data-rule-id=\"client.state\"");
        JUnitXmlWriter.Render(matrix).Should().Contain("name=\"Client conduct rules\"").And.Contain("classname=\"client.refresh-rate\"");
    }
}
