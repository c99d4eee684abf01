using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide.Tips;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

/// <summary>The reports' part of their own for the guide's tips: a row per tip, beside the behaviours.</summary>
public class TroubleshootingTipsPartTests
{
    private static ConformanceMatrix Matrix()
    {
        var directory = TestData.TempDirectory();
        var ndjson = new Messages().EveryBehaviourPassing()
            .Scenario("A bytes literal", ["@tip.bytes-to-string", "@finding-bytes-literal"], Messages.Passed)
            .Scenario("A short verifier", ["@tip.code-verifier-pattern", "@finding-verifier-length"], Messages.Failed("expected finding-verifier-length"))
            .WriteTo(directory);
        return ConformanceReport.Build(ndjson);
    }

    [Test]
    public void Each_tip_is_a_row_with_the_verdict_of_its_diagnosis_scenarios()
    {
        var matrix = Matrix();

        matrix.TipRows.Select(r => r.Id).Should().Equal(TipCatalogue.All.Select(t => t.Id));
        matrix.TipRows.Single(r => r.Id == "tip.bytes-to-string").Verdict.Should().Be(Verdict.Satisfied);
        matrix.TipRows.Single(r => r.Id == "tip.code-verifier-pattern").Verdict.Should().Be(Verdict.NotSatisfied);
        matrix.TipRows.Single(r => r.Id == "tip.api-host").Verdict.Should().Be(Verdict.NotVerified);
    }

    [Test]
    public void A_run_that_left_the_engine_scenarios_out_has_no_engine_parts()
    {
        var directory = TestData.TempDirectory();
        var matrix = ConformanceReport.Build(new Messages().EveryBehaviourPassing().WriteTo(directory));

        matrix.TipRows.Should().BeEmpty();
        matrix.ConductRuleRows.Should().BeEmpty();
        ConformanceHtmlWriter.Render(matrix).Should().NotContain("id=\"troubleshooting-tips\"").And.NotContain("id=\"client-conduct-rules\"");
        ConformanceJsonWriter.Read(ConformanceJsonWriter.Render(matrix))!.TroubleshootingTips.Should().BeEmpty();
    }

    [Test]
    public void Diagnosis_scenarios_are_not_suite_defects_and_touch_no_behaviour_row()
    {
        var matrix = Matrix();

        matrix.Defects.Should().BeEmpty();
        matrix.Rows.Should().OnlyContain(r => r.Verdict == Verdict.Satisfied);
    }

    [Test]
    public void Every_report_format_has_the_tips_part()
    {
        var matrix = Matrix();

        ConformanceMarkdownWriter.Render(matrix).Should().Contain("## Troubleshooting tips").And.Contain("| `tip.bytes-to-string` | Invalid client |");
        ConformanceJsonWriter.Render(matrix).Should().Contain("\"troubleshootingTips\"").And.Contain("\"id\": \"tip.code-verifier-pattern\"");
        ConformanceHtmlWriter.Render(matrix).Should().Contain("data-tip-id=\"tip.api-host\"");
        JUnitXmlWriter.Render(matrix).Should().Contain("name=\"Troubleshooting tips\"").And.Contain("classname=\"tip.code-verifier-pattern\"");
    }
}
