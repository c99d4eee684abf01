using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Requests to /oauth/revoke, and the customer removing the app.</summary>
[Binding]
public sealed class RevocationSteps(RevocationDriver revocation, TargetControlDriver control, Baselines baselines, AppUnderTest app)
{
    [When("the app revokes its refresh token")]
    public Task WhenTheAppRevokesItsRefreshToken() => revocation.RevokeAsync(Held.RefreshToken);

    [When("the app's refresh token is revoked")]
    public async Task WhenTheAppsRefreshTokenIsRevoked() =>
        baselines.Require(await revocation.RevokeAsync(Held.RefreshToken), 200, "revoking the refresh token succeeds (200)");

    [When("the app revokes its access token")]
    public async Task WhenTheAppRevokesItsAccessToken() =>
        baselines.Require(await revocation.RevokeAsync(Held.AccessToken, "access_token"), 200, "revoking the access token succeeds (200)");

    [When("the customer removes the app from their account")]
    public Task WhenTheCustomerRemovesTheApp() => control.RemoveAppAsync();

    [When(@"^the app revokes its refresh token, sending its client credentials (.+)$")]
    public Task WhenTheAppRevokesSendingCredentials(ClientCredentialStyle how) =>
        revocation.RevokeAsync(app.Tokens?.RefreshToken ?? MistypedTokens.Placeholder, credentials: how);

    [When("the app revokes a token that was never issued")]
    public Task WhenTheAppRevokesATokenThatWasNeverIssued() => revocation.RevokeAsync(MistypedTokens.NeverIssued());

    [When("the app sends a revoke request without a token")]
    public Task WhenTheAppSendsARevokeRequestWithoutAToken() => revocation.RevokeAsync(null);

    [When("the app sends its revoke request as JSON instead of a form")]
    public Task WhenTheAppSendsItsRevokeRequestAsJson() => revocation.RevokeAsync(app.Tokens?.RefreshToken ?? MistypedTokens.NeverIssued(), asJson: true);

    [When("the app posts its revoke request to the web host instead of the API host")]
    public Task WhenTheAppPostsItsRevokeRequestToTheWebHost() => revocation.RevokeAsync(MistypedTokens.NeverIssued(), toWebHost: true);

    private TokenSet Held => app.Tokens ?? throw new InvalidOperationException("The app holds no tokens: add 'Given the app holds tokens an owner granted it'.");
}
