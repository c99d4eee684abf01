using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Requests to /oauth/token: refreshes, grant types, client credentials, the wrong host.</summary>
[Binding]
public sealed class TokenRequestSteps(TokenEndpointDriver tokens, GrantDriver grants, AppUnderTest app)
{
    [When("the app refreshes its access token")]
    public async Task WhenTheAppRefreshesItsAccessToken() => Keep(await tokens.RefreshAsync(Held.RefreshToken));

    [When("the app refreshes its access token once more")]
    public async Task WhenTheAppRefreshesOnceMore() => Keep(await tokens.RefreshAsync(Held.RefreshToken, beyondTheBudget: true));

    [Given("the app has refreshed its access token {int} times within a minute")]
    public Task GivenTheAppHasRefreshedItsAccessTokenTimes(int times) => tokens.RefreshRepeatedlyAsync(Held.RefreshToken, times);

    [When("the app refreshes with the refresh token of its second grant")]
    public Task WhenTheAppRefreshesWithItsSecondRefreshToken() =>
        tokens.RefreshAsync((app.OtherTokens ?? throw new InvalidOperationException("The app holds no second grant.")).RefreshToken);

    [When(@"^the app refreshes its access token, sending its client credentials (.+)$")]
    public Task WhenTheAppRefreshesSendingCredentials(ClientCredentialStyle how) =>
        tokens.RefreshAsync(app.Tokens?.RefreshToken ?? MistypedTokens.Placeholder, how);

    [When("the app sends a refresh request without a refresh token")]
    public Task WhenTheAppSendsARefreshRequestWithoutARefreshToken() => tokens.RefreshAsync(null);

    [When("the app refreshes with a refresh token that was never issued")]
    public Task WhenTheAppRefreshesWithANeverIssuedToken() => tokens.RefreshAsync(MistypedTokens.NeverIssued());

    [When("the app refreshes with its refresh token truncated")]
    public Task WhenTheAppRefreshesWithItsTokenTruncated() => tokens.RefreshAsync(MistypedTokens.Truncated(Held.RefreshToken));

    [When("the app refreshes with its refresh token with one character changed")]
    public Task WhenTheAppRefreshesWithOneCharacterChanged() => tokens.RefreshAsync(MistypedTokens.OneCharacterChanged(Held.RefreshToken));

    [When("the app requests a token without a grant type")]
    public Task WhenTheAppRequestsATokenWithoutAGrantType() =>
        tokens.SendAsync(FormBody.Of(("refresh_token", HeldOrPlaceholder)));

    [When("the app requests a token with the grant type {string}")]
    public Task WhenTheAppRequestsATokenWithTheGrantType(string grantType) =>
        tokens.SendAsync(FormBody.Of(("grant_type", grantType), ("refresh_token", HeldOrPlaceholder)));

    [When("the app sends its refresh request as JSON instead of a form")]
    public Task WhenTheAppSendsItsRefreshRequestAsJson() =>
        tokens.SendAsync(FormBody.Of(("grant_type", "refresh_token"), ("refresh_token", HeldOrPlaceholder)), asJson: true);

    [When("the app posts its token request to the web host instead of the API host")]
    public Task WhenTheAppPostsItsTokenRequestToTheWebHost() =>
        tokens.SendAsync(FormBody.Of(("grant_type", "refresh_token"), ("refresh_token", MistypedTokens.Placeholder)), toWebHost: true);

    private void Keep(HttpExchange exchange)
    {
        if (grants.Issued(exchange) is { } refreshed)
        {
            app.Tokens = refreshed;
        }
    }

    /// <summary>The held refresh token, or a placeholder where the request is refused before the token is read.</summary>
    private string HeldOrPlaceholder => app.Tokens?.RefreshToken ?? MistypedTokens.Placeholder;

    private TokenSet Held => app.Tokens ?? throw new InvalidOperationException("The app holds no tokens: add 'Given the app holds tokens an owner granted it'.");
}
