using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Guide.Protocol;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>The signed-in user in a browser: the authorization page and the OAuth client page.</summary>
[Binding]
public sealed class WebSteps(WebDriver web, GuideExpectations guide)
{
    [When("the user approves the app's authorization request")]
    public Task WhenTheUserApproves() => web.ApproveAsync(Pkce.GenerateVerifier());

    [When("the user opens the app's authorization page")]
    public Task WhenTheUserOpensTheAuthorizationPage() => web.OpenAuthorizationPageAsync(Pkce.ChallengeFor(Pkce.GenerateVerifier()), "conformance-state");

    [When("the user opens the OAuth client page")]
    public Task WhenTheUserOpensTheOAuthClientPage() => web.OpenClientPageAsync();

    [Then("the browser is sent back to the app's redirect URI with a code and the same state")]
    public void ThenTheBrowserIsSentBackWithACode()
    {
        var check = guide.Expect("a redirect (302/303) to the app's redirect URI carrying code and the same state");
        var parameters = WebDriver.RedirectParameters(check.Exchange);
        check.That(check.Exchange.Status is 302 or 303, $"status {check.Exchange.Status}, expected a redirect")
            .That(parameters.ContainsKey("code"), "the redirect carries no code")
            .That(parameters.ContainsKey("state"), "the redirect carries no state")
            .Verify();
    }

    // The sentence is the browser's own page for an empty 403: quoted as what the user sees, never required in the body.
    [Then("the authorization page is denied with 403, which the browser shows as {string}")]
    public void ThenTheAuthorizationPageIsDenied(string sentence)
    {
        var check = guide.Expect($"403, no consent form and no code; what the user sees: \"{sentence}\"");
        check.Status(403)
            .That(!WebDriver.ShowsTheConsentForm(check.Exchange), "the answer shows the consent form")
            .That(!WebDriver.RedirectParameters(check.Exchange).ContainsKey("code"), "the answer redirects with a code")
            .Verify();
    }

    [Then("the OAuth client page is shown")]
    public void ThenTheOAuthClientPageIsShown() => guide.Expect("200: the OAuth client page (HTML)").Status(200).MediaType("text/html").Verify();

    // The sentence is the browser's own page for an empty 404: quoted as what the user sees, never required in the body.
    [Then("the OAuth client page is not found, which the browser shows as {string}")]
    public void ThenTheOAuthClientPageIsNotFound(string sentence)
    {
        var check = guide.Expect($"404, not the client page; what the user sees: \"{sentence}\"");
        check.Status(404).That(!WebDriver.ShowsTheClientPage(check.Exchange), "the answer shows the OAuth client page").Verify();
    }
}
