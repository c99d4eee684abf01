using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

/// <summary>A green run must mean something was checked: unreachable targets and runs that verified nothing fail, and say why.</summary>
public class HonestRunTests
{
    private const string NeedsClient =
        "Not verified: the target lacks what this scenario needs — @needs-client: no app is configured: set Conformance:ClientId, Conformance:ClientSecret to an app registered with the target.";

    [Test]
    public void A_run_whose_documented_scenarios_were_all_skipped_verified_nothing_and_fails_naming_the_settings()
    {
        var matrix = Build(new Messages()
            .Scenario("invalid client", ["@documented", "@token.invalid-client"], Messages.SkippedByException(NeedsClient))
            .Scenario("code exchange", ["@baseline", "@token.code-exchange.succeeds"], Messages.Passed));

        matrix.NothingVerified.Should().BeTrue();
        matrix.FailsBuild().Should().BeTrue();
        matrix.SettingsThatWouldVerifyMore.Should().Equal("Conformance:ClientId", "Conformance:ClientSecret");
        ConsoleSummary.Outcome(matrix).Should().StartWith("FAILS: no documented behaviour was verified").And.Contain("Conformance:ClientId, Conformance:ClientSecret");
    }

    [Test]
    public void One_verified_documented_scenario_is_enough_and_the_summary_still_names_what_would_verify_the_rest()
    {
        var matrix = Build(new Messages()
            .Scenario("wrong host", ["@documented", "@token.wrong-host"], Messages.Passed)
            .Scenario("invalid client", ["@documented", "@token.invalid-client"], Messages.SkippedByException(NeedsClient)));

        matrix.NothingVerified.Should().BeFalse();
        matrix.FailsBuild().Should().BeFalse();
        var summary = ConsoleSummary.Render(matrix);
        summary.Should().Contain("token.invalid-client").And.Contain("set Conformance:ClientId, Conformance:ClientSecret").And.Contain("PASSES");
    }

    [Test]
    public void A_run_filtered_to_advisory_scenarios_is_not_a_run_that_verified_nothing()
    {
        var matrix = Build(new Messages().Scenario("unknown token", ["@rfc-should", "@rfc7009.unknown-token"], Messages.Passed));

        matrix.NothingVerified.Should().BeFalse();
        matrix.FailsBuild().Should().BeFalse();
    }

    [Test]
    public void Documented_scenarios_a_filtered_run_left_out_do_not_make_it_a_run_that_verified_nothing()
    {
        var matrix = Build(new Messages()
            .Scenario("api succeeds", ["@baseline", "@api.succeeds"], Messages.Passed)
            .NotStarted("not authenticated", ["@documented", "@api.not-authenticated"]));

        matrix.Row("api.not-authenticated")!.Verdict.Should().Be(Verdict.NotVerified);
        matrix.NothingVerified.Should().BeFalse();
        matrix.FailsBuild().Should().BeFalse();
    }

    [Test]
    public void A_key_cut_short_in_a_reason_is_not_offered_as_a_setting()
    {
        var matrix = Build(new Messages()
            .Scenario("s", ["@documented", "@token.invalid-client"], Messages.SkippedByException("Not verified: set Conformance:Refres… [truncated 20 chars]")));

        matrix.SettingsThatWouldVerifyMore.Should().BeEmpty();
    }

    [Test]
    public void An_unreachable_target_fails_the_run_once_with_the_url_and_the_cause_and_no_behaviour_is_not_satisfied()
    {
        const string unreachable = "The target could not be reached, so no behaviour was verified:\n  GET http://127.0.0.1:9/ could not be reached: connection refused.";
        var messages = new Messages();
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            messages.Scenario(behaviour.Id, [behaviour.Level.Tag(), behaviour.Tag], Messages.SkippedByException("Not verified: target unreachable"));
        }

        var matrix = new ConformanceMatrixBuilder().Build(messages.Reader(), new RunDescription("remote", Unreachable: unreachable));

        matrix.Unreachable.Should().BeTrue();
        matrix.FailsBuild().Should().BeTrue();
        matrix.Rows.Should().OnlyContain(r => r.Verdict == Verdict.NotVerified);
        var summary = ConsoleSummary.Render(matrix);
        summary.Should().Contain("http://127.0.0.1:9/").And.Contain("connection refused").And.Contain("FAILS");
        summary.Split('\n').Should().ContainSingle(line => line.Contains("connection refused"), "the cause is said once, not once per behaviour");
    }

    [Test]
    public void The_unreachable_message_travels_in_the_sidecar_so_rebuilt_reports_agree()
    {
        var folder = TestData.TempDirectory();
        var path = new RunDescription("remote", "http://127.0.0.1:9/", "http://127.0.0.1:9/", Unreachable: "GET http://127.0.0.1:9/: connection refused").WriteSidecar(folder);

        RunDescription.FromSidecar(path)!.Unreachable.Should().Be("GET http://127.0.0.1:9/: connection refused");
    }

    // The other behaviours have scenarios in the suite but not in this (as if filtered) run.
    private static ConformanceMatrix Build(Messages messages) =>
        new ConformanceMatrixBuilder(new ReportOptions { CoveredBehaviourIds = BehaviourCatalogue.All.Select(b => b.Id).ToHashSet() }).Build(messages.Reader());
}
