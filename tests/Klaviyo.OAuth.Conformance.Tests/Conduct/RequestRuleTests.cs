using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Conduct;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct;

/// <summary>The rules about single requests: each kept, each broken, each not exercised.</summary>
public class RequestRuleTests
{
    [Test]
    public void Basic_auth_is_satisfied_by_a_Basic_header_on_every_token_and_revoke_request() =>
        new Traffic().CodeExchange(0).Refresh(10, "r1").Send(20, "POST", Traffic.Api + "/oauth/revoke", 200, "token=r1")
            .GradeBy("client.basic-auth").Should().Match<ConductResult>(r => r.Verdict == Verdict.Satisfied && r.Exercised == 3);

    [TestCase(null, "grant_type=refresh_token&refresh_token=r1&client_id=app&client_secret=s3cr3t-value", "tip.authorization-header")]
    [TestCase(null, "grant_type=refresh_token&refresh_token=r1", "tip.authorization-header")]
    [TestCase("Bearer YXBwOnNlY3JldA==", "grant_type=refresh_token&refresh_token=r1", "tip.basic-prefix")]
    [TestCase("Basic app:secret", "grant_type=refresh_token&refresh_token=r1", "tip.credentials-base64")]
    [TestCase("Basic b'YXBwOnNlY3JldA=='", "grant_type=refresh_token&refresh_token=r1", "tip.bytes-to-string")]
    public void Basic_auth_is_broken_by_a_request_without_it_and_says_which_tip(string? authorization, string form, string tip)
    {
        var result = new Traffic().CodeExchange(0).Send(5, "POST", Traffic.Api + "/oauth/token", 401, form, authorization).GradeBy("client.basic-auth");

        result.Verdict.Should().Be(Verdict.NotSatisfied);
        var evidence = result.Evidence.Should().ContainSingle().Subject;
        evidence.Index.Should().Be(2);
        evidence.Diagnosis.Should().Be(tip);
        evidence.Request.Should().Be("POST https://a.klaviyo.com/oauth/token");
    }

    [Test]
    public void Basic_auth_is_not_verified_without_token_requests_and_says_how_to_get_one()
    {
        var result = new Traffic().CallApi(0).GradeBy("client.basic-auth");

        result.Verdict.Should().Be(Verdict.NotVerified);
        result.Situation.Should().Contain("POST /oauth/token");
    }

    [Test]
    public void Form_body_is_broken_by_a_JSON_body() =>
        new Traffic().CodeExchange(0).Send(5, "POST", Traffic.Api + "/oauth/token", 400, "{\"grant_type\":\"refresh_token\"}", contentType: "application/json")
            .GradeBy("client.form-body").Evidence.Should().ContainSingle().Which.Should().Match<ConductEvidence>(e => e.Diagnosis == "tip.form-body" && e.Breach.Contains("application/json"));

    [Test]
    public void Form_body_is_satisfied_by_urlencoded_bodies() =>
        new Traffic().CodeExchange(0).Refresh(1, "r1").GradeBy("client.form-body").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Api_host_is_broken_by_a_token_request_to_the_web_host()
    {
        var result = new Traffic().CodeExchange(0).Send(5, "POST", Traffic.Web + "/oauth/token", 403, "grant_type=refresh_token&refresh_token=r1", answerType: "text/html")
            .GradeBy("client.api-host");

        result.Verdict.Should().Be(Verdict.NotSatisfied);
        result.Evidence.Should().ContainSingle().Which.Diagnosis.Should().Be("tip.api-host");
    }

    [Test]
    public void Api_host_is_satisfied_when_token_requests_go_to_the_API_host() =>
        new Traffic().CodeExchange(0).Refresh(5, "r1").GradeBy("client.api-host").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Pkce_is_satisfied_by_S256_and_the_verifier_of_the_challenge() =>
        new Traffic().Authorize(0).CodeExchange(5).GradeBy("client.pkce-s256").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void Pkce_is_broken_by_plain_and_a_verifier_equal_to_the_challenge()
    {
        var result = new Traffic().Authorize(0, method: "plain").CodeExchange(5, verifier: Traffic.Challenge).GradeBy("client.pkce-s256");

        result.Verdict.Should().Be(Verdict.NotSatisfied);
        result.Evidence.Select(e => (e.Index, e.Diagnosis)).Should().Equal((1, "tip.code-challenge-s256"), (2, "tip.code-challenge-s256"));
    }

    [Test]
    public void Pkce_is_broken_by_a_short_verifier() =>
        new Traffic().CodeExchange(0, verifier: "short").GradeBy("client.pkce-s256")
            .Evidence.Should().ContainSingle().Which.Diagnosis.Should().Be("tip.code-verifier-pattern");

    [Test]
    public void Bearer_format_is_satisfied_by_exactly_Bearer_and_a_token() =>
        new Traffic().CallApi(0).GradeBy("client.bearer-format").Verdict.Should().Be(Verdict.Satisfied);

    [TestCase("bearer at_1")]
    [TestCase("Bearer  at_1")]
    [TestCase("at_1")]
    public void Bearer_format_is_broken_by_any_other_header(string header) =>
        new Traffic().CallApi(0, header, 401, "not_authenticated").GradeBy("client.bearer-format")
            .Should().Match<ConductResult>(r => r.Verdict == Verdict.NotSatisfied && r.Evidence.Single().Diagnosis == "api.not-authenticated");

    [Test]
    public void No_secrets_in_url_is_advisory_when_a_token_rides_in_the_query()
    {
        var result = new Traffic().Send(0, "POST", Traffic.Api + "/oauth/token?grant_type=refresh_token&refresh_token=r1-secret", 400).GradeBy("client.no-secrets-in-url");

        result.Verdict.Should().Be(Verdict.AdvisoryNotMet, "an rfc-must rule is advisory");
        result.Evidence.Single().Request.Should().NotContain("r1-secret", "evidence is redacted");
        result.FailsBuild.Should().BeFalse();
    }

    [Test]
    public void No_secrets_in_url_is_satisfied_by_an_authorization_request_with_only_public_parameters() =>
        new Traffic().Authorize(0).CodeExchange(1).GradeBy("client.no-secrets-in-url").Verdict.Should().Be(Verdict.Satisfied);

    [Test]
    public void State_is_satisfied_when_the_redirect_carries_the_state_sent() =>
        new Traffic().Authorize(0).GradeBy("client.state").Verdict.Should().Be(Verdict.Satisfied);

    [TestCase(null, null, "no state")]
    [TestCase("s1", "s2", "does not carry")]
    public void State_is_broken_by_no_state_or_a_redirect_with_another(string? state, string? redirectState, string breach) =>
        new Traffic().Authorize(0, state: state, redirectState: redirectState).GradeBy("client.state")
            .Should().Match<ConductResult>(r => r.Verdict == Verdict.AdvisoryNotMet && r.Evidence.Single().Breach.Contains(breach));
}
