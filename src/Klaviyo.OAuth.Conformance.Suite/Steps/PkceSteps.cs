using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Guide.Protocol;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Exchanging the authorization code, with the right code verifier or a wrong one.</summary>
[Binding]
public sealed class PkceSteps(TokenEndpointDriver tokens, GrantDriver grants, AppUnderTest app)
{
    [When("the app exchanges the authorization code with its code verifier")]
    public async Task WhenTheAppExchangesTheCodeWithItsVerifier()
    {
        var exchange = await tokens.ExchangeCodeAsync(Pending.Code, Pending.CodeVerifier);
        app.Tokens = grants.Issued(exchange) ?? app.Tokens;
    }

    [When("the app exchanges the authorization code with another well-formed code verifier")]
    public Task WhenTheAppExchangesWithAnotherVerifier() => tokens.ExchangeCodeAsync(Pending.Code, Pkce.GenerateVerifier());

    [When("the app exchanges the authorization code sending the challenge itself as the verifier")]
    public Task WhenTheAppSendsTheChallengeAsVerifier() => tokens.ExchangeCodeAsync(Pending.Code, Pending.CodeChallenge);

    [When("the app exchanges the authorization code with a code verifier of {int} characters")]
    public Task WhenTheAppExchangesWithAVerifierOfLength(int length) => tokens.ExchangeCodeAsync(Pending.Code, Pkce.GenerateVerifier(length));

    [When(@"^the app exchanges the authorization code with a code verifier containing (a plus sign|a slash|an equals sign|a space)$")]
    public Task WhenTheAppExchangesWithAVerifierContaining(string character)
    {
        var verifier = Pending.CodeVerifier;
        var outsider = character switch
        {
            "a plus sign" => '+',
            "a slash" => '/',
            "an equals sign" => '=',
            _ => ' ',
        };
        return tokens.ExchangeCodeAsync(Pending.Code, verifier[..20] + outsider + verifier[21..]);
    }

    private PendingAuthorization Pending =>
        app.Authorization ?? throw new InvalidOperationException("No approved authorization: add 'Given an owner has approved the app's authorization request'.");
}
