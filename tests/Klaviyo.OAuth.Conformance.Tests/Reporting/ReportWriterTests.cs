using Klaviyo.OAuth.Guide;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

public class ReportWriterTests
{
    private ConformanceMatrix matrix = null!;
    private string directory = null!;
    private IReadOnlyList<string> files = null!;

    [OneTimeSetUp]
    public void WriteTheReportsOfTheMixedRun()
    {
        matrix = ConformanceReport.Build(TestData.MixedVerdicts, new RunDescription("remote", "https://api.example.test", "https://www.example.test", SuiteVersion: "0.1.0"));
        directory = TestData.TempDirectory();
        files = ConformanceReport.WriteAll(matrix, directory);
    }

    [OneTimeTearDown]
    public void RemoveTheReports() => Directory.Delete(directory, recursive: true);

    private string Read(string fileName) => File.ReadAllText(Path.Combine(directory, fileName));

    [Test]
    public void WriteAll_writes_the_four_reports_and_returns_their_paths() =>
        files.Select(Path.GetFileName).Should().Equal("conformance.json", "conformance.md", "conformance.html", "junit.xml");

    [Test]
    public void A_new_format_is_one_writer_class_and_the_files_are_written_as_each_writer_renders()
    {
        var folder = TestData.TempDirectory();
        try
        {
            var written = ReportFiles.WriteAll(matrix, folder, [.. ConformanceReport.Writers, new BehaviourCountWriter()]);

            written.Select(Path.GetFileName).Should().Equal("conformance.json", "conformance.md", "conformance.html", "junit.xml", "behaviours.txt");
            File.ReadAllText(written[^1]).Should().Be($"{matrix.Rows.Count} behaviours");
            File.ReadAllText(written[1]).Should().Be(ConformanceMarkdownWriter.Render(matrix));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class BehaviourCountWriter : IReportWriter<ConformanceMatrix>
    {
        public string FileName => "behaviours.txt";

        public string Render(ConformanceMatrix report) => $"{report.Rows.Count} behaviours";
    }

    [Test]
    public void No_report_contains_a_secret_of_the_failure_evidence()
    {
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var secret in TestData.Secrets)
            {
                text.Should().NotContain(secret, because: $"{Path.GetFileName(file)} must be redacted");
            }
        }
    }

    [Test]
    public void The_json_report_carries_its_schema_version_summary_and_one_behaviour_per_id()
    {
        using var json = JsonDocument.Parse(Read("conformance.json"));
        var root = json.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(2);
        root.GetProperty("toolVersion").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("run").GetProperty("targetKind").GetString().Should().Be("remote");
        root.GetProperty("summary").GetProperty("verdicts").GetProperty("not-satisfied").GetInt32().Should().Be(2);
        root.GetProperty("summary").GetProperty("failsBuild").GetBoolean().Should().BeTrue();
        var behaviours = root.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("behaviours").EnumerateArray()).ToList();
        behaviours.Select(b => b.GetProperty("id").GetString()).Should().Equal(BehaviourCatalogue.All.Select(b => b.Id));
    }

    [Test]
    public void The_json_report_has_every_documented_field_of_a_behaviour()
    {
        using var json = JsonDocument.Parse(Read("conformance.json"));
        var behaviour = json.RootElement.GetProperty("groups")[0].GetProperty("behaviours").EnumerateArray()
            .Single(b => b.GetProperty("id").GetString() == "token.invalid-client");

        behaviour.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "id", "level", "advisory", "description", "expected", "reference", "whyAndHowToFix", "verdict", "reasons", "deviation", "scenarios");
        behaviour.GetProperty("verdict").GetString().Should().Be("not-satisfied");
        var failed = behaviour.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("outcome").GetString() == "failed");
        failed.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "name", "uri", "outcome", "durationSeconds", "reason", "failedStep", "evidence", "observations");
        failed.GetProperty("evidence").GetString().Should().StartWith("Expected status 401");
    }

    [Test]
    public void The_json_report_lists_the_suite_defects() =>
        JsonDocument.Parse(Read("conformance.json")).RootElement.GetProperty("defects").EnumerateArray()
            .Select(d => d.GetProperty("kind").GetString()).Should().Contain(["no-scenario", "unknown-behaviour-id", "scenario-without-behaviour"]);

    [Test]
    public void The_markdown_report_has_a_table_row_per_id()
    {
        var lines = Read("conformance.md").Split('\n');

        foreach (var behaviour in BehaviourCatalogue.All)
        {
            lines.Should().ContainSingle(l => l.StartsWith($"| `{behaviour.Id}` |", StringComparison.Ordinal), because: behaviour.Id);
        }
    }

    [Test]
    public void The_markdown_report_marks_verdicts_and_explains_failures()
    {
        var md = Read("conformance.md");

        md.Should().Contain("| `token.invalid-client` | documented | ❌ not satisfied | 1 passed, 1 failed |")
            .And.Contain("| `rfc6585.retry-after` | rfc-should | ⚠️ advisory not met |")
            .And.Contain("| `token.refresh.inactive` | documented | ⏭️ not verified |")
            .And.Contain("## Failures")
            .And.Contain(BehaviourCatalogue.Find("token.invalid-client")!.WhyAndHowToFix)
            .And.Contain("```\nExpected status 401 but was 200.");
    }

    [Test]
    public void The_markdown_summary_counts_every_verdict() =>
        Read("conformance.md").Should().Contain($"**2 satisfied · 2 not satisfied · 1 advisory not met · 2 not verified · {BehaviourCatalogue.All.Count - 7} no scenario**");

    [Test]
    public void The_html_report_shows_the_counts_before_the_matrix()
    {
        var html = Read("conformance.html");

        html.Should().Contain("id=\"count-satisfied\">2<").And.Contain("id=\"count-not-satisfied\">2<")
            .And.Contain("id=\"count-advisory-not-met\">1<").And.Contain("id=\"count-not-verified\">2<");
        html.IndexOf("id=\"count-satisfied\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("data-behaviour-id", StringComparison.Ordinal));
    }

    [Test]
    public void The_html_report_has_a_row_per_id_with_its_verdict_class()
    {
        var html = Read("conformance.html");

        foreach (var row in matrix.Rows)
        {
            html.Should().Contain($"<tr data-behaviour-id=\"{row.Id}\" class=\"verdict-{row.Verdict.Key()}\">");
        }
    }

    [Test]
    public void The_html_report_is_self_contained_and_encodes_evidence()
    {
        var html = Read("conformance.html");

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<style>").And.NotContain("<script").And.NotContain("<link ");
        html.Should().Contain("{&quot;access_token&quot;:&quot;[REDACTED]&quot;");
    }

    [Test]
    public void The_html_report_parses_as_xml_apart_from_its_doctype()
    {
        var html = Read("conformance.html").Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal)
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal)
            .Replace("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", string.Empty, StringComparison.Ordinal)
            .Replace("<br>", "<br/>", StringComparison.Ordinal);

        var act = () => XDocument.Parse(html);

        act.Should().NotThrow();
    }

    [Test]
    public void The_junit_report_counts_failures_and_skips_per_group()
    {
        var xml = XDocument.Parse(Read("junit.xml"));
        var token = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("id") == "token");

        token.Attribute("tests")!.Value.Should().Be("4");
        token.Attribute("failures")!.Value.Should().Be("1");
        token.Attribute("skipped")!.Value.Should().Be("1");
        token.Elements("testcase").Count(c => c.Element("failure") is not null).Should().Be(1);
        token.Elements("testcase").Single(c => c.Element("skipped") is not null).Element("skipped")!.Attribute("message")!.Value.Should().Be(TestData.SkipReason);
    }

    [Test]
    public void The_junit_report_totals_match_its_testcases()
    {
        var root = XDocument.Parse(Read("junit.xml")).Root!;
        var cases = root.Descendants("testcase").ToList();

        root.Name.LocalName.Should().Be("testsuites");
        int.Parse(root.Attribute("tests")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(cases.Count);
        int.Parse(root.Attribute("failures")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(cases.Count(c => c.Element("failure") is not null));
        int.Parse(root.Attribute("skipped")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(cases.Count(c => c.Element("skipped") is not null));
    }

    [Test]
    public void The_junit_report_types_advisory_failures_and_reports_suite_defects()
    {
        var root = XDocument.Parse(Read("junit.xml")).Root!;

        root.Descendants("testcase").Single(c => (string?)c.Attribute("classname") == "rfc6585.retry-after")
            .Element("failure")!.Attribute("type")!.Value.Should().Be("advisory");
        root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "Suite defects")
            .Elements("testcase").Should().HaveCount(matrix.Defects.Count);
    }

    [Test]
    public void The_console_summary_lists_each_id_not_satisfied_and_where_the_reports_are()
    {
        var text = ConsoleSummary.Render(matrix, files);

        text.Should().StartWith("Conformance (remote target, 10 scenarios): 2 satisfied, 2 not satisfied, 1 advisory not met, 2 not verified");
        text.Should().MatchRegex(@"token\.invalid-client\s+not satisfied\s+Expected status 401 but was 200\.");
        text.Should().MatchRegex(@"token\.refresh\.inactive\s+not verified\s+Not verified: the target lacks the 'clock' capability");
        text.Should().NotContain("token.code-exchange.succeeds");
        text.Should().Contain(directory).And.Contain("conformance.md").And.Contain("FAILS");
    }
}
