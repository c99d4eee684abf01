using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Calls to Klaviyo's REST API with the access token, well formed or not.</summary>
[Binding]
public sealed class ApiCallSteps(ApiDriver api, GuideExpectations guide, AppUnderTest app)
{
    [When("the app calls the API with its access token")]
    public Task WhenTheAppCallsTheApi() => api.CallWithTokenAsync(AccessToken);

    [When("the app calls the API without an Authorization header")]
    public Task WhenTheAppCallsTheApiWithoutAHeader() => api.CallAsync(null);

    [When("the app calls the API with its access token but without the Bearer prefix")]
    public Task WhenTheAppCallsTheApiWithoutBearer() => api.CallAsync(AccessToken);

    [When("the app calls the API with its access token in quotes")]
    public Task WhenTheAppCallsTheApiWithQuotes() => api.CallAsync($"Bearer \"{AccessToken}\"");

    [When("the app calls the API with a trailing character after its access token")]
    public Task WhenTheAppCallsTheApiWithATrailingCharacter() => api.CallAsync($"Bearer {AccessToken}x");

    [When("the app calls the API with its access token truncated")]
    public Task WhenTheAppCallsTheApiWithATruncatedToken() => api.CallAsync($"Bearer {AccessToken[..^5]}");

    [When("the app calls the API with a well-formed access token that was never issued")]
    public Task WhenTheAppCallsTheApiWithANeverIssuedToken() => api.CallWithTokenAsync(MistypedTokens.SameShapeNeverIssued(AccessToken));

    [Then("the API call succeeds")]
    public void ThenTheApiCallSucceeds() =>
        guide.Expect("200 with the resource as JSON:API (a \"data\" member)")
            .Status(200)
            .That(app.LastExchange.MediaType is "application/vnd.api+json" or "application/json", $"Content-Type '{app.LastExchange.Header("Content-Type") ?? "(none)"}', expected application/vnd.api+json")
            .JsonPresent("data", System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonValueKind.Object)
            .Verify();

    [Then("the API refuses with 401 {word} {string}")]
    public void ThenTheApiRefuses(string code, string title) =>
        guide.Expect($"401, errors[0].code \"{code}\", title \"{title}\"").Status(401).JsonApiError(code, title).Verify();

    private string AccessToken =>
        app.Tokens?.AccessToken ?? throw new InvalidOperationException("The app holds no access token: add 'Given the app holds tokens an owner granted it'.");
}
