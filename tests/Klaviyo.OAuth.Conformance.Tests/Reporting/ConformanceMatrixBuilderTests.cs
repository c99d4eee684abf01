using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

public class ConformanceMatrixBuilderTests
{
    private static ConformanceMatrix Mixed() => ConformanceReport.Build(TestData.MixedVerdicts);

    [Test]
    public void The_matrix_has_one_row_per_catalogue_behaviour_in_catalogue_order() =>
        Mixed().Rows.Select(r => r.Id).Should().Equal(BehaviourCatalogue.All.Select(b => b.Id));

    [Test]
    public void A_behaviour_whose_scenarios_all_passed_is_satisfied() =>
        Mixed().Row("token.code-exchange.succeeds")!.Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void A_documented_behaviour_with_one_failed_scenario_is_not_satisfied()
    {
        var row = Mixed().Row("token.invalid-client")!;

        row.Verdict.Should().Be(Verdict.NotSatisfied);
        row.Scenarios.Select(s => s.Outcome).Should().BeEquivalentTo([ScenarioOutcome.Failed, ScenarioOutcome.Passed]);
    }

    [Test]
    public void An_rfc_behaviour_that_failed_is_advisory_not_met() =>
        Mixed().Row("rfc6585.retry-after")!.Verdict.Should().Be(Verdict.AdvisoryNotMet);

    [Test]
    public void A_skipped_behaviour_is_not_verified_and_carries_the_reason()
    {
        var row = Mixed().Row("token.refresh.inactive")!;

        row.Verdict.Should().Be(Verdict.NotVerified);
        row.Reasons.Should().Equal(TestData.SkipReason);
        row.Scenarios.Single().Reason.Should().Be(TestData.SkipReason);
    }

    [Test]
    public void A_skip_reason_recorded_as_the_steps_exception_is_carried()
    {
        var matrix = new ConformanceMatrixBuilder().Build(new Messages()
            .Scenario("skipped", ["@documented", "@token.unavailable"], Messages.SkippedByException("Not verified: no outage capability"))
            .Reader());

        matrix.Row("token.unavailable")!.Reasons.Should().Equal("Not verified: no outage capability");
    }

    [Test]
    public void A_pending_step_leaves_the_behaviour_not_verified_with_its_message() =>
        Mixed().Row("client-page.not-found")!.Reasons.Should().Equal("Pending: the client page is not modelled yet");

    [Test]
    public void An_undefined_step_fails_the_behaviour_with_an_explanation()
    {
        var row = Mixed().Row("api.not-authenticated")!;

        row.Verdict.Should().Be(Verdict.NotSatisfied);
        row.Scenarios.Single().Evidence.Should().Contain("undefined");
        row.Scenarios.Single().FailedStep.Should().Be("step 1 of An undefined step fails the behaviour");
    }

    [Test]
    public void A_retried_scenario_counts_by_its_last_attempt() =>
        Mixed().Row("revoke.succeeds")!.Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void A_behaviour_without_a_scenario_is_no_scenario_and_a_suite_defect()
    {
        var matrix = Mixed();

        matrix.Row("token.wrong-host")!.Verdict.Should().Be(Verdict.NoScenario);
        matrix.Defects.Should().Contain(d => d.Kind == SuiteDefectKind.NoScenario && d.BehaviourId == "token.wrong-host");
    }

    [Test]
    public void A_covered_behaviour_that_a_filtered_run_did_not_execute_is_not_verified_rather_than_a_defect()
    {
        var options = new ReportOptions { CoveredBehaviourIds = new HashSet<string>(["token.wrong-host"]) };
        var matrix = ConformanceReport.Build(TestData.MixedVerdicts, null, options);

        matrix.Row("token.wrong-host")!.Verdict.Should().Be(Verdict.NotVerified);
        matrix.Row("token.wrong-host")!.Reasons.Should().Equal(ConformanceMatrixBuilder.NotRunReason);
        matrix.Defects.Should().NotContain(d => d.BehaviourId == "token.wrong-host");
        matrix.Row("token.unavailable")!.Verdict.Should().Be(Verdict.NoScenario, "an id the features do not cover is still a defect");
    }

    [Test]
    public void A_behaviour_whose_scenarios_a_filter_left_out_of_a_feature_that_ran_reads_as_left_out_too()
    {
        var messages = new Messages()
            .Scenario("limited", ["@documented", "@token.refresh.rate-limited"], Messages.Passed)
            .NotStarted("retry after", ["@rfc-should", "@rfc6585.retry-after"]);

        var row = new ConformanceMatrixBuilder(ReportOptions.Default).Build(messages.Reader()).Row("rfc6585.retry-after")!;

        row.Verdict.Should().Be(Verdict.NotVerified);
        row.Reasons.Should().Equal(ConformanceMatrixBuilder.NotRunReason);
    }

    private const string RunStarted = """{"testRunStarted":{"timestamp":{"seconds":1765000000,"nanos":0}}}""";
    private const string RunFinished = """{"testRunFinished":{"success":true,"timestamp":{"seconds":1765000060,"nanos":0}}}""";

    [Test]
    public void Messages_of_a_run_that_never_finished_fail_it_and_what_they_do_not_reach_is_not_reached_rather_than_without_a_scenario()
    {
        var messages = new Messages().Raw(RunStarted).Scenario("limited", ["@documented", "@token.refresh.rate-limited"], Messages.Passed);

        var matrix = new ConformanceMatrixBuilder(ReportOptions.Default).Build(messages.Reader());

        matrix.Interrupted.Should().BeTrue();
        matrix.FailsBuild().Should().BeTrue();
        matrix.Row("token.refresh.rate-limited")!.Verdict.Should().Be(Verdict.Satisfied);
        matrix.Row("revoke.succeeds")!.Verdict.Should().Be(Verdict.NotVerified);
        matrix.Row("revoke.succeeds")!.Reasons.Should().Equal(ConformanceMatrixBuilder.InterruptedReason);
        matrix.Defects.Should().NotContain(d => d.Kind == SuiteDefectKind.NoScenario);
        ConsoleSummary.Outcome(matrix).Should().StartWith("FAILS: the run was interrupted");
    }

    [Test]
    public void Messages_of_a_run_that_finished_are_not_interrupted()
    {
        var matrix = new ConformanceMatrixBuilder(ReportOptions.Default).Build(new Messages().Raw(RunStarted).EveryBehaviourPassing().Raw(RunFinished).Reader());

        matrix.Interrupted.Should().BeFalse();
        matrix.FailsBuild().Should().BeFalse();
    }

    [Test]
    public void A_scenario_tagged_with_an_id_not_in_the_catalogue_is_a_suite_defect() =>
        Mixed().Defects.Should().ContainSingle(d => d.Kind == SuiteDefectKind.UnknownBehaviourId)
            .Which.BehaviourId.Should().Be("token.invalid-clinet");

    [Test]
    public void A_scenario_that_names_no_behaviour_is_a_suite_defect() =>
        Mixed().Defects.Should().ContainSingle(d => d.Kind == SuiteDefectKind.ScenarioWithoutBehaviour)
            .Which.Scenario.Should().Be("A scenario that names no behaviour");

    [Test]
    public void Counts_add_up_per_verdict()
    {
        var matrix = Mixed();

        matrix.Counts[Verdict.Satisfied].Should().Be(2);
        matrix.Counts[Verdict.NotSatisfied].Should().Be(2);
        matrix.Counts[Verdict.AdvisoryNotMet].Should().Be(1);
        matrix.Counts[Verdict.NotVerified].Should().Be(2);
        matrix.Counts[Verdict.NoScenario].Should().Be(BehaviourCatalogue.All.Count - 7);
        matrix.Counts.Values.Sum().Should().Be(BehaviourCatalogue.All.Count);
    }

    [Test]
    public void Malformed_lines_are_skipped_and_counted()
    {
        var matrix = Mixed();

        matrix.MalformedLines.Should().Be(TestData.MalformedLinesInMixedVerdicts);
        matrix.ScenarioCount.Should().Be(TestData.ScenariosInMixedVerdicts);
    }

    [Test]
    public void The_run_is_described_from_the_messages_when_nothing_else_is_known()
    {
        var run = Mixed().Run;

        run.TargetKind.Should().Be("unknown");
        run.Tool.Should().Be("Reqnroll 3.3.4");
        run.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        run.Duration.Should().Be(TimeSpan.FromSeconds(12.5));
    }

    [Test]
    public void A_given_run_description_wins_and_keeps_no_credentials_in_its_urls()
    {
        var given = new RunDescription("remote", "https://user:pa55word@api.example.test/?key=k3y", "https://www.example.test", SuiteVersion: "0.1.0");

        var run = ConformanceReport.Build(TestData.MixedVerdicts, given).Run;

        run.TargetKind.Should().Be("remote");
        run.ApiBaseUrl.Should().Be("https://api.example.test/");
        run.SuiteVersion.Should().Be("0.1.0");
        run.StartedAt.Should().NotBeNull();
    }

    [Test]
    public void The_run_is_read_from_a_target_sidecar_next_to_the_messages()
    {
        var directory = TestData.TempDirectory();
        var ndjson = new Messages().EveryBehaviourPassing().WriteTo(directory);
        File.WriteAllText(Path.Combine(directory, "target.json"),
            """{"kind":"embedded","apiBaseUrl":"http://127.0.0.1:5001","webBaseUrl":"http://127.0.0.1:5002","suiteVersion":"0.1.0","extra":true}""");

        var run = ConformanceReport.Build(ndjson).Run;

        run.TargetKind.Should().Be("embedded");
        run.WebBaseUrl.Should().Be("http://127.0.0.1:5002/");
        run.SuiteVersion.Should().Be("0.1.0");
    }

    [Test]
    public void Failure_evidence_is_redacted_again_by_the_report()
    {
        var evidence = Mixed().Row("token.invalid-client")!.Failures.Single().Evidence;

        evidence.Should().Contain("Expected status 401 but was 200.").And.Contain("refresh_token=[REDACTED]");
        foreach (var secret in TestData.Secrets)
        {
            evidence.Should().NotContain(secret);
        }
    }

    [Test]
    public void A_secret_registered_with_the_redactor_is_masked_in_evidence_and_reasons()
    {
        var redactor = new SecretRedactor();
        redactor.Register("plain-looking-value");
        var messages = new Messages()
            .Scenario("leaks in a failure", ["@documented", "@token.unavailable"], Messages.Failed("got plain-looking-value back"))
            .Scenario("leaks in a skip", ["@documented", "@revoke.unavailable"], Messages.Skipped("skipped for plain-looking-value"));

        var matrix = new ConformanceMatrixBuilder(new ReportOptions { Redactor = redactor }).Build(messages.Reader());

        matrix.Row("token.unavailable")!.Failures.Single().Evidence.Should().Be("got [REDACTED] back");
        matrix.Row("revoke.unavailable")!.Reasons.Should().Equal("skipped for [REDACTED]");
    }

    [Test]
    public void Long_evidence_is_truncated_and_the_cut_is_marked()
    {
        var message = new string('x', 5000);
        var messages = new Messages().Scenario("a long failure", ["@documented", "@token.unavailable"], Messages.Failed(message));

        var evidence = new ConformanceMatrixBuilder().Build(messages.Reader()).Row("token.unavailable")!.Failures.Single().Evidence;

        evidence.Should().Be(new string('x', ReportOptions.DefaultMaxEvidenceLength) + "… [truncated 1000 chars]");
    }

    [Test]
    public void The_truncation_length_is_configurable()
    {
        var evidence = new ConformanceMatrixBuilder(new ReportOptions { MaxEvidenceLength = 10 })
            .Build(new StreamReader(TestData.MixedVerdicts))
            .Row("rfc6585.retry-after")!.Failures.Single().Evidence;

        evidence.Should().StartWith("Expected a").And.EndWith("… [truncated 52 chars]");
    }

    [Test]
    public void A_conforming_run_fails_no_build()
    {
        var matrix = new ConformanceMatrixBuilder().Build(new Messages().EveryBehaviourPassing().Reader());

        matrix.Rows.Should().OnlyContain(r => r.Verdict == Verdict.Satisfied);
        matrix.Defects.Should().BeEmpty();
        matrix.FailsBuild(strictAdvisory: true).Should().BeFalse();
    }

    [Test]
    public void A_missing_scenario_fails_the_build() =>
        new ConformanceMatrixBuilder().Build(new Messages().Reader()).FailsBuild(strictAdvisory: false).Should().BeTrue();

    [Test]
    public void An_advisory_failure_fails_the_build_only_when_strict()
    {
        var messages = new Messages().EveryBehaviourPassing()
            .Scenario("no Retry-After", ["@rfc-should", "@rfc6585.retry-after"], Messages.Failed("none"));

        var matrix = new ConformanceMatrixBuilder().Build(messages.Reader());

        matrix.FailsBuild(strictAdvisory: false).Should().BeFalse();
        matrix.FailsBuild(strictAdvisory: true).Should().BeTrue();
    }

    [Test]
    public void A_not_verified_behaviour_does_not_fail_the_build()
    {
        var messages = new Messages().EveryBehaviourPassing()
            .Scenario("needs a clock", ["@documented", "@token.refresh.inactive"], Messages.Skipped("no clock"));

        var matrix = new ConformanceMatrixBuilder().Build(messages.Reader());

        matrix.Row("token.refresh.inactive")!.Verdict.Should().Be(Verdict.NotVerified);
        matrix.FailsBuild(strictAdvisory: true).Should().BeFalse();
    }

    [Test]
    public void A_documented_failure_fails_the_build()
    {
        var messages = new Messages().EveryBehaviourPassing()
            .Scenario("wrong status", ["@documented", "@token.wrong-host"], Messages.Failed("Expected 403 but was 404"));

        new ConformanceMatrixBuilder().Build(messages.Reader()).FailsBuild(strictAdvisory: false).Should().BeTrue();
    }

    [Test]
    public void A_scenario_that_started_but_never_finished_counts_as_failed()
    {
        var messages = new Messages()
            .Raw("""{"pickle":{"id":"p","uri":"f.feature","name":"cut short","steps":[],"tags":[{"name":"@token.unavailable"}]}}""")
            .Raw("""{"testCase":{"id":"tc","pickleId":"p","testSteps":[{"id":"s","pickleStepId":"x"}]}}""")
            .Raw("""{"testCaseStarted":{"id":"r","testCaseId":"tc","attempt":0}}""")
            .Raw("""{"testStepFinished":{"testCaseStartedId":"r","testStepId":"s","testStepResult":{"status":"PASSED"}}}""");

        var row = new ConformanceMatrixBuilder().Build(messages.Reader()).Row("token.unavailable")!;

        row.Verdict.Should().Be(Verdict.NotSatisfied);
        row.Failures.Single().Evidence.Should().Contain("never finished");
    }

    [Test]
    public void Unknown_envelopes_and_fields_are_ignored()
    {
        var messages = new Messages()
            .Raw("""{"attachment":{"body":"x"},"futureEnvelope":{"a":1}}""")
            .Raw("""{"gherkinDocument":{"uri":"f.feature","feature":{}}}""")
            .EveryBehaviourPassing();

        var matrix = new ConformanceMatrixBuilder().Build(messages.Reader());

        matrix.MalformedLines.Should().Be(0);
        matrix.Counts[Verdict.Satisfied].Should().Be(BehaviourCatalogue.All.Count);
    }
}
