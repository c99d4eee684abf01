using System.Text.Json;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>What the token and revoke endpoints answer.</summary>
[Binding]
public sealed class TokenResponseSteps(GuideExpectations guide, TokenEndpointDriver tokens, AppUnderTest app)
{
    [Then("the token endpoint issues an access token and a refresh token")]
    public void ThenTheTokenEndpointIssuesTokens() =>
        guide.Expect("200 JSON with access_token, token_type Bearer, expires_in, refresh_token and scope")
            .Status(200)
            .JsonPresent("access_token", JsonValueKind.String)
            .That(string.Equals(app.LastExchange.JsonString("token_type"), "Bearer", StringComparison.OrdinalIgnoreCase), "\"token_type\" is not Bearer (any case, RFC 6749 §5.1)")
            .JsonPresent("expires_in", JsonValueKind.Number)
            .JsonPresent("refresh_token", JsonValueKind.String)
            .JsonPresent("scope", JsonValueKind.String)
            .Verify();

    [Then("the token endpoint issues a new access token")]
    public void ThenTheTokenEndpointIssuesANewAccessToken() =>
        guide.Expect("200 JSON with a new access_token").Status(200).JsonPresent("access_token", JsonValueKind.String).Verify();

    [Then("the refresh token can still be used")]
    public async Task ThenTheRefreshTokenCanStillBeUsed()
    {
        await tokens.RefreshAsync(app.Tokens!.RefreshToken);
        guide.Expect("the same refresh token refreshes again (200): it is not rotated away").Status(200).Verify();
    }

    [Then(@"^the (token|revoke) endpoint refuses with (\d+) (\w+)$")]
    public void ThenTheEndpointRefusesWith(string endpoint, int status, string error) =>
        guide.Expect($"{status} {{\"error\":\"{error}\"}} from /oauth/{endpoint}").Status(status).JsonString("error", error).Verify();

    [Then(@"^the (token|revoke) endpoint refuses with (\d+) (\w+) ""(.*)""$")]
    public void ThenTheEndpointRefusesWithDescription(string endpoint, int status, string error, string description) =>
        guide.Expect($"{status} {{\"error\":\"{error}\",\"error_description\":\"{description}\"}} from /oauth/{endpoint}")
            .Status(status).JsonString("error", error).JsonString("error_description", description).Verify();

    [Then("the token endpoint refuses the code verifier as invalid")]
    public void ThenTheTokenEndpointRefusesTheCodeVerifier() =>
        guide.Expect("a 4xx whose body says Invalid \"code_verifier\"").StatusBetween(400, 499).Says("Invalid \"code_verifier\"").Verify();

    [Then(@"^the (token|revoke|authorization|API) service answers 503 Service Unavailable$")]
    public void ThenTheServiceAnswers503(string service) =>
        guide.Expect($"503 from the {service} service").Status(503).Verify();

    [Then("the web host answers with the CDN's 403 error page")]
    public void ThenTheWebHostAnswersWithTheCdnPage() =>
        guide.Expect("403, text/html, a CDN page saying \"The request could not be satisfied\"")
            .Status(403).MediaType("text/html").BodyContains("The request could not be satisfied").Verify();

    [Then("the revoke endpoint accepts the request")]
    public void ThenTheRevokeEndpointAccepts() => guide.Expect("200 from /oauth/revoke").Status(200).Verify();

    [Then("the response must not be cached")]
    public void ThenTheResponseMustNotBeCached() =>
        guide.Expect("Cache-Control: no-store and Pragma: no-cache (RFC 6749 §5.1, §5.2)")
            .HeaderContains("Cache-Control", "no-store").HeaderContains("Pragma", "no-cache").Verify();

    [Then("the error is JSON")]
    public void ThenTheErrorIsJson() =>
        guide.Expect("an application/json error body (RFC 6749 §5.2)").MediaType("application/json").That(app.LastExchange.Json is not null, "the body does not parse as JSON").Verify();

    [Then("the refusal asks for Basic authentication")]
    public void ThenTheRefusalAsksForBasicAuthentication() =>
        guide.Expect("WWW-Authenticate: Basic … on the 401 (RFC 6749 §5.2)").Status(401).HeaderContains("WWW-Authenticate", "Basic").Verify();

    [Then("the refusal says when to retry")]
    public void ThenTheRefusalSaysWhenToRetry() =>
        guide.Expect("a Retry-After header on the 429, in seconds or as a date (RFC 6585 §4)").Status(429).RetryAfter().Verify();
}
