using FluentAssertions;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>The guide's tips as scenarios: a request, the server's memory, the diagnosis.</summary>
[Binding]
public sealed class DiagnosisSteps(DiagnosisDriver diagnosis)
{
    [Given("the server issued client {string} with secret {string}")]
    public void GivenTheServerIssuedClient(string clientId, string secret) => diagnosis.KnowsClient(clientId, secret);

    [Given("the server issued refresh token {string} to {string} {int} days ago, last used {int} days ago")]
    public void GivenARefreshToken(string token, string clientId, int daysAgo, int lastUsed) => diagnosis.IssuedRefreshToken(token, clientId, daysAgo, lastUsed);

    [Given("refresh token {string} was {string}")]
    public void GivenTheRefreshTokenWasRevoked(string token, string because) => diagnosis.RevokedRefreshToken(token, because);

    [Given("the server issued access token {string} to {string}, expiring in {int} minutes")]
    public void GivenAnAccessToken(string token, string clientId, int minutes) => diagnosis.IssuedAccessToken(token, clientId, minutes, revoked: false);

    [Given("the server issued access token {string} to {string}, since revoked")]
    public void GivenARevokedAccessToken(string token, string clientId) => diagnosis.IssuedAccessToken(token, clientId, 30, revoked: true);

    [Given("{string} has a pending authorization with code {string} and challenge {string}, started {int} minutes ago")]
    public void GivenAPendingAuthorization(string clientId, string code, string challenge, int minutes) => diagnosis.PendingAuthorization(clientId, code, challenge, minutes);

    [Given(@"^session ""([^""]+)"" belongs to (?:an?) (.+) of an? (allowlisted|not allowlisted) account$")]
    public void GivenASession(string cookie, string role, string allowlisted) => diagnosis.Session(cookie, role, allowlisted == "allowlisted");

    [When("this request is diagnosed:")]
    public void WhenThisRequestIsDiagnosed(string capture) => diagnosis.Diagnose(capture);

    [Then("the diagnosis is {word} under {word}")]
    public void ThenTheDiagnosisIsUnderTip(string finding, string tip)
    {
        var leading = diagnosis.LeadingFinding();
        leading.Id.Should().Be(finding);
        leading.TipId.Should().Be(tip);
    }

    [Then("the diagnosis is {word}, citing {word}")]
    public void ThenTheDiagnosisCitesBehaviour(string finding, string behaviour)
    {
        var leading = diagnosis.LeadingFinding();
        leading.Id.Should().Be(finding);
        leading.BehaviourId.Should().Be(behaviour);
    }

    [Then("the detail says {string}")]
    public void ThenTheDetailSays(string text) => diagnosis.LeadingFinding().Detail.Should().Contain(text);

    [Then("Klaviyo {string}")]
    public void ThenKlaviyoAnswers(string answer) => diagnosis.Diagnosed.Answer.Should().StartWith(answer);

    [Then("nothing is found wrong")]
    public void ThenNothingIsFoundWrong() => diagnosis.Diagnosed.Findings.Should().BeEmpty();
}
