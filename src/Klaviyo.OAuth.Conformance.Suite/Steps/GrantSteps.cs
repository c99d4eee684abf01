using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Protocol;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>
/// The app, its user, and what they have granted it. The app and the user are provided together
/// before the first step that needs them (<see cref="Support.ProvisioningHooks"/>).
/// </summary>
[Binding]
public sealed class GrantSteps(TargetControlDriver control, GrantDriver grants, AppUnderTest app)
{
    [Given("an app registered with the target")]
    public void GivenAnAppRegisteredWithTheTarget() => control.WantApp();

    [Given(@"^a signed-in (owner|admin|manager|analyst|campaign coordinator|content creator|support|custom)$")]
    [Given(@"^a signed-in (owner|admin|manager|analyst|campaign coordinator|content creator|support|custom) of a beta-allowlisted account$")]
    public Task GivenASignedInUser(UserRole role) => control.WantSignedInUserAsync(role, allowlistedAccount: true);

    [Given(@"^a signed-in (owner|admin|manager|analyst|campaign coordinator|content creator|support|custom) of an account that is not beta-allowlisted$")]
    public Task GivenASignedInUserOfAnOrdinaryAccount(UserRole role) => control.WantSignedInUserAsync(role, allowlistedAccount: false);

    [Given("an owner has approved the app's authorization request")]
    public Task GivenAnOwnerHasApprovedTheApp() => grants.ApproveAsync();

    [Given("an owner has approved the app's authorization request made with the RFC 7636 example challenge")]
    public Task GivenAnOwnerHasApprovedWithTheRfcExample() =>
        grants.ApproveAsync(Pkce.Rfc7636Verifier, Pkce.Rfc7636Challenge);

    [Given("the app holds tokens an owner granted it")]
    public async Task GivenTheAppHoldsTokens() => app.Tokens = await grants.ObtainTokensAsync();

    [Given("the app holds tokens from a second grant")]
    public async Task GivenTheAppHoldsTokensFromASecondGrant()
    {
        var first = app.Tokens;
        app.User = null;
        app.OtherTokens = await grants.ObtainTokensAsync();
        app.Tokens = first;
    }
}
