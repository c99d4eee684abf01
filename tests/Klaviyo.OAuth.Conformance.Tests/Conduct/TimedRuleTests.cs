using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Conduct;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct;

/// <summary>The rules about what an app does over time, judged by the exchanges' timestamps.</summary>
public class TimedRuleTests
{
    [Test]
    public void Ten_refreshes_in_a_minute_keep_the_refresh_rate()
    {
        var traffic = new Traffic();
        for (var i = 0; i < 10; i++)
        {
            traffic.Refresh(i * 5, "r1");
        }

        traffic.Refresh(60, "r1").GradeBy("client.refresh-rate").Verdict.Should().Be(Verdict.Satisfied, "the first use is a minute old at 60 s");
    }

    [Test]
    public void An_eleventh_refresh_within_a_minute_breaks_the_refresh_rate()
    {
        var traffic = new Traffic();
        for (var i = 0; i < 11; i++)
        {
            traffic.Refresh(i * 5, "r1");
        }

        var result = traffic.Refresh(0.5, "r2").GradeBy("client.refresh-rate");

        result.Verdict.Should().Be(Verdict.NotSatisfied);
        result.Evidence.Should().ContainSingle().Which.Breach.Should().Contain("use 11");
    }

    [Test]
    public void Waiting_a_minute_after_a_429_keeps_the_rule() =>
        new Traffic().Refresh(0, "r1", 429, "rate_limit_exceeded").Refresh(60, "r1").Refresh(61, "r2")
            .GradeBy("client.after-rate-limit").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Hammering_after_a_429_breaks_the_rule_once_per_request()
    {
        var result = new Traffic().Refresh(0, "r1", 429, "rate_limit_exceeded").Refresh(1, "r1", 429, "rate_limit_exceeded").Refresh(2, "r1", 429, "rate_limit_exceeded")
            .GradeBy("client.after-rate-limit");

        result.Verdict.Should().Be(Verdict.NotSatisfied);
        result.Evidence.Select(e => e.Index).Should().Equal(2, 3);
    }

    [Test]
    public void Not_meeting_a_429_leaves_the_rate_limit_rule_not_verified_with_the_situation() =>
        new Traffic().Refresh(0, "r1").GradeBy("client.after-rate-limit")
            .Should().Match<ConductResult>(r => r.Verdict == Verdict.NotVerified && r.Situation.Contains("/__control/refresh-tokens/rate-limit"));

    [Test]
    public void Stopping_after_invalid_grant_keeps_the_rule() =>
        new Traffic().Refresh(0, "r1", 400, "invalid_grant").Refresh(5, "r2")
            .GradeBy("client.stops-after-invalid-grant").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Refreshing_again_with_a_refused_token_breaks_the_rule_with_the_tip()
    {
        var result = new Traffic().Refresh(0, "r1", 400, "invalid_grant").Refresh(3600, "r1", 400, "invalid_grant").GradeBy("client.stops-after-invalid-grant");

        result.Verdict.Should().Be(Verdict.NotSatisfied);
        result.Evidence.Should().ContainSingle().Which.Should().Match<ConductEvidence>(e => e.Index == 2 && e.Diagnosis == "tip.refresh-token-invalid");
    }

    [Test]
    public void Refreshing_after_authentication_failed_keeps_the_rule() =>
        new Traffic().CallApi(0, status: 401, code: "authentication_failed").Refresh(1, "r1").CallApi(2)
            .GradeBy("client.refresh-on-auth-failure").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Repeating_the_call_with_the_refused_token_breaks_the_rule() =>
        new Traffic().CallApi(0, status: 401, code: "authentication_failed").CallApi(1, status: 401, code: "authentication_failed")
            .GradeBy("client.refresh-on-auth-failure")
            .Should().Match<ConductResult>(r => r.Verdict == Verdict.NotSatisfied && r.Evidence.Single().Index == 2);

    [Test]
    public void Waiting_Retry_After_after_a_503_meets_the_advice() =>
        new Traffic().Send(0, "POST", Traffic.Api + "/oauth/token", 503, "grant_type=refresh_token&refresh_token=r1", answerHeaders: [("Retry-After", "30")])
            .Refresh(30, "r1").GradeBy("client.after-unavailable").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Retrying_a_503_in_a_tight_loop_does_not_meet_the_advice()
    {
        var traffic = new Traffic();
        for (var i = 0; i < 8; i++)
        {
            traffic.Send(i * 0.1, "POST", Traffic.Api + "/oauth/token", 503, "grant_type=refresh_token&refresh_token=r1");
        }

        var result = traffic.GradeBy("client.after-unavailable");

        result.Verdict.Should().Be(Verdict.AdvisoryNotMet);
        result.Evidence.Should().HaveCount(8, "seven early retries and one past the bounded number of tries");
        result.Evidence.Should().Contain(e => e.Breach.Contains("6 answers of 503 in a row"));
    }

    [Test]
    public void Timed_rules_without_times_are_not_verified()
    {
        var exchanges = new Traffic().Refresh(0, "r1", 429, "rate_limit_exceeded").Refresh(1, "r1").Build().Requests
            .Select(r => r.Exchange with { Time = null });

        var results = ConductRules.Grade(new AppTraffic(exchanges));

        results.Where(r => r.Rule.Id is "client.refresh-rate" or "client.after-rate-limit").Should().OnlyContain(r => r.Verdict == Verdict.NotVerified);
    }

    [Test]
    public void Every_catalogue_rule_has_exactly_one_class() =>
        ConductRules.All.Select(r => r.Rule.Id).Should().Equal(ClientRuleCatalogue.All.Select(r => r.Id));
}
