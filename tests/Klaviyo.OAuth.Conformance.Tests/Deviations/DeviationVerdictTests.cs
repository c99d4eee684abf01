using Klaviyo.OAuth.Guide;
using System.Text.Json;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Deviations;

/// <summary>
/// The mixed run read with a known-deviations file: token.invalid-client fails (a known deviation),
/// revoke.succeeds passes (resolved), api.not-authenticated fails with its entry expired.
/// </summary>
public class DeviationVerdictTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    public static KnownDeviations File(bool strict = false, string until = "2027-01-31") => KnownDeviations.Parse(
        $$"""
        [
          { "id": "token.invalid-client", "reason": "our gateway answers 400 for a missing header", "until": "{{until}}" },
          { "id": "revoke.succeeds", "reason": "staging never revokes" },
          { "id": "api.not-authenticated", "reason": "fixed last month", "until": "2026-11-30" }
        ]
        """,
        "deviations.json",
        Guide.Catalogue.BehaviourCatalogue.All.Select(b => b.Id).ToHashSet(),
        "a behaviour of the catalogue",
        Today,
        strict);

    public static ConformanceMatrix Matrix(KnownDeviations deviations) =>
        ConformanceReport.Build(TestData.MixedVerdicts, null, new ReportOptions { Deviations = deviations });

    [Test]
    public void A_listed_behaviour_that_fails_is_a_known_deviation_with_its_reason()
    {
        var row = Matrix(File()).Row("token.invalid-client")!;

        row.Verdict.Should().Be(Verdict.KnownDeviation);
        row.Deviation!.Reason.Should().Be("our gateway answers 400 for a missing header");
        row.FailsBuild(strictAdvisory: true, strictDeviations: true).Should().BeFalse();
    }

    [Test]
    public void A_listed_behaviour_that_passes_is_resolved_a_warning_unless_strict()
    {
        Matrix(File()).Row("revoke.succeeds")!.Verdict.Should().Be(Verdict.DeviationResolved);

        var lenient = Matrix(File(until: "2027-01-31")).Rows.Where(r => r.Verdict == Verdict.DeviationResolved);
        lenient.Should().OnlyContain(r => !r.FailsBuild(false, false) && r.FailsBuild(false, true));
    }

    [Test]
    public void An_expired_entry_excuses_nothing_and_is_named()
    {
        var matrix = Matrix(File());
        var row = matrix.Row("api.not-authenticated")!;

        row.Verdict.Should().Be(Verdict.NotSatisfied);
        row.DeviationExpired.Should().BeTrue();
        matrix.FailsBuild().Should().BeTrue();
        matrix.RowsWithExpiredDeviation.Select(r => r.Id).Should().Equal("api.not-authenticated");
        ConsoleSummary.Render(matrix).Should().Contain("the known deviation (fixed last month) expired after 2026-11-30");
    }

    [Test]
    public void Only_strict_deviations_fail_the_build_for_a_resolved_entry()
    {
        var onlyResolved = KnownDeviations.Parse(
            """[{ "id": "revoke.succeeds", "reason": "staging never revokes" }, { "id": "token.invalid-client", "reason": "r" }, { "id": "api.not-authenticated", "reason": "r" }]""",
            "d.json", Guide.Catalogue.BehaviourCatalogue.All.Select(b => b.Id).ToHashSet(), "a behaviour", Today);
        var lenient = new ConformanceMatrixBuilder(new ReportOptions { Deviations = onlyResolved }).Build(new Messages().EveryBehaviourPassing().Reader());
        var strict = new ConformanceMatrixBuilder(new ReportOptions { Deviations = onlyResolved.WithStrict(true) }).Build(new Messages().EveryBehaviourPassing().Reader());

        lenient.FailsBuild().Should().BeFalse();
        strict.FailsBuild().Should().BeTrue();
        ConsoleSummary.Outcome(strict).Should().Contain("known deviation is resolved");
    }

    [Test]
    public void Conformance_json_counts_known_deviations_and_carries_the_reason()
    {
        using var document = JsonDocument.Parse(ConformanceJsonWriter.Render(Matrix(File())));
        var verdicts = document.RootElement.GetProperty("summary").GetProperty("verdicts");
        verdicts.GetProperty("known-deviation").GetInt32().Should().Be(1);
        verdicts.GetProperty("deviation-resolved").GetInt32().Should().Be(1);

        var behaviour = document.RootElement.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("behaviours").EnumerateArray())
            .Single(b => b.GetProperty("id").GetString() == "token.invalid-client");
        behaviour.GetProperty("verdict").GetString().Should().Be("known-deviation");
        behaviour.GetProperty("deviation").GetProperty("reason").GetString().Should().Be("our gateway answers 400 for a missing header");
        behaviour.GetProperty("deviation").GetProperty("until").GetString().Should().Be("2027-01-31");
    }

    [Test]
    public void Markdown_and_html_show_the_state_and_the_reason_never_satisfied()
    {
        var matrix = Matrix(File());
        var markdown = ConformanceMarkdownWriter.Render(matrix);
        var html = ConformanceHtmlWriter.Render(matrix);

        markdown.Should().Contain("## Known deviations")
            .And.Contain("| `token.invalid-client` | 📌 known deviation | our gateway answers 400 for a missing header | 2027-01-31 |")
            .And.Contain("| `api.not-authenticated` | ❌ not satisfied (entry expired) | fixed last month | 2026-11-30 |");
        html.Should().Contain("class=\"verdict-known-deviation\"").And.Contain("known deviation: our gateway answers 400 for a missing header (until 2027-01-31)");
    }

    [Test]
    public void JUnit_marks_a_known_deviation_skipped_with_its_reason()
    {
        var junit = System.Xml.Linq.XDocument.Parse(JUnitXmlWriter.Render(Matrix(File())));
        var cases = junit.Descendants("testcase").Where(c => (string?)c.Attribute("classname") == "token.invalid-client").ToList();

        cases.Should().NotBeEmpty();
        cases.Should().OnlyContain(c => c.Element("failure") == null);
        cases.Select(c => c.Element("skipped")).OfType<System.Xml.Linq.XElement>()
            .Should().Contain(s => (string?)s.Attribute("message") == "known deviation: our gateway answers 400 for a missing header (until 2027-01-31)");
    }
}
