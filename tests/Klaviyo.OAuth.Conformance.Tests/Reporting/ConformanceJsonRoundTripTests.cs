using Klaviyo.OAuth.Guide;
using System.Text.Json;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

/// <summary>conformance.json is written from typed records: what is written reads back as the same document, every verdict included.</summary>
public class ConformanceJsonRoundTripTests
{
    private ConformanceMatrix matrix = null!;
    private string json = null!;

    [OneTimeSetUp]
    public void RenderTheMixedRun()
    {
        var run = new RunDescription(
            "remote",
            "https://api.example.test",
            "https://www.example.test",
            StartedAt: new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(2)),
            FinishedAt: new DateTimeOffset(2026, 1, 1, 1, 0, 12, 500, TimeSpan.FromHours(2)),
            SuiteVersion: "0.1.0",
            Tool: "Reqnroll 3.3.4");
        // With a known-deviations file, so that the two states it brings are in the document too.
        matrix = ConformanceReport.Build(TestData.MixedVerdicts, run, new ReportOptions { Deviations = Deviations.DeviationVerdictTests.File() });
        json = ConformanceJsonWriter.Render(matrix);
    }

    [Test]
    public void The_mixed_run_has_a_row_of_every_verdict() =>
        matrix.Rows.Select(r => r.Verdict).Distinct().Should().BeEquivalentTo(Enum.GetValues<Verdict>());

    [Test]
    public void The_written_document_reads_back_as_the_document_of_the_matrix()
    {
        var read = ConformanceJsonWriter.Read(json);

        read.Should().BeEquivalentTo(ConformanceDocument.From(matrix, ConformanceJsonWriter.SchemaVersion), o => o.WithStrictOrdering());
        read!.Groups.SelectMany(g => g.Behaviours).Select(b => b.Verdict).Distinct().Should().BeEquivalentTo(Enum.GetValues<Verdict>());
        read.Summary.Verdicts.Keys.Should().Equal(Enum.GetValues<Verdict>());
        read.Run.StartedAt.Should().Be(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));
        read.Run.DurationSeconds.Should().Be(12.5);
    }

    [Test]
    public void Writing_what_was_read_gives_the_same_text() =>
        ConformanceJsonWriter.Render(ConformanceJsonWriter.Read(json)!).Should().Be(json);

    [TestCase(Verdict.Satisfied, "satisfied")]
    [TestCase(Verdict.NotSatisfied, "not-satisfied")]
    [TestCase(Verdict.AdvisoryNotMet, "advisory-not-met")]
    [TestCase(Verdict.NotVerified, "not-verified")]
    [TestCase(Verdict.NoScenario, "no-scenario")]
    [TestCase(Verdict.KnownDeviation, "known-deviation")]
    [TestCase(Verdict.DeviationResolved, "deviation-resolved")]
    public void Each_verdict_is_written_under_its_documented_key(Verdict verdict, string key)
    {
        verdict.Key().Should().Be(key);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("summary").GetProperty("verdicts").GetProperty(key).GetInt32()
            .Should().Be(matrix.Counts[verdict]);
        document.RootElement.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("behaviours").EnumerateArray())
            .Count(b => b.GetProperty("verdict").GetString() == key)
            .Should().Be(matrix.Counts[verdict]);
    }

    [Test]
    public void A_verdict_the_schema_does_not_know_is_refused_rather_than_read_as_another()
    {
        var tampered = json.Replace("\"verdict\": \"not-satisfied\"", "\"verdict\": \"mostly-fine\"", StringComparison.Ordinal);
        tampered.Should().NotBe(json);

        var read = () => ConformanceJsonWriter.Read(tampered);

        read.Should().Throw<JsonException>();
    }

    [Test]
    public void A_verdict_given_as_a_number_is_refused() =>
        FluentActions.Invoking(() => ConformanceJsonWriter.Read(json.Replace("\"verdict\": \"satisfied\"", "\"verdict\": 0", StringComparison.Ordinal)))
            .Should().Throw<JsonException>();

    [Test]
    public void Levels_groups_and_defect_kinds_keep_the_names_the_schema_documents()
    {
        Enum.GetValues<RequirementLevel>().Select(l => l.Key()).Should().Equal("documented", "baseline", "rfc-must", "rfc-should");
        Enum.GetValues<BehaviourGroup>().Select(g => g.Key()).Should().Equal("token", "revoke", "authorize", "client-page", "api", "beyond-the-guide");
        Enum.GetValues<SuiteDefectKind>().Select(k => new SuiteDefect(k, "m").KindKey).Should().Equal("no-scenario", "unknown-behaviour-id", "scenario-without-behaviour");
    }

    [Test]
    public void A_value_outside_an_enum_has_no_machine_name() =>
        FluentActions.Invoking(() => ((Verdict)42).Key()).Should().Throw<ArgumentOutOfRangeException>();
}
