using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Guide.Protocol;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Exchanging the authorization code, with the right code verifier or a wrong one.</summary>
[Binding]
public sealed class PkceSteps(GrantDriver grants, AppUnderTest app)
{
    [When("the app exchanges the authorization code with its code verifier")]
    public async Task WhenTheAppExchangesTheCodeWithItsVerifier()
    {
        var exchange = await grants.ExchangeAsync(pending => pending.CodeVerifier);
        app.Tokens = grants.Issued(exchange) ?? app.Tokens;
    }

    [When("the app exchanges the authorization code with another well-formed code verifier")]
    public Task WhenTheAppExchangesWithAnotherVerifier() => grants.ExchangeAsync(_ => Pkce.GenerateVerifier());

    [When("the app exchanges the authorization code sending the challenge itself as the verifier")]
    public Task WhenTheAppSendsTheChallengeAsVerifier() => grants.ExchangeAsync(pending => pending.CodeChallenge);

    [When("the app exchanges the authorization code with a code verifier of {int} characters")]
    public Task WhenTheAppExchangesWithAVerifierOfLength(int length) => grants.ExchangeAsync(_ => Pkce.GenerateVerifier(length));

    [When(@"^the app exchanges the authorization code with a code verifier containing (a plus sign|a slash|an equals sign|a space)$")]
    public Task WhenTheAppExchangesWithAVerifierContaining(string character)
    {
        var outsider = character switch
        {
            "a plus sign" => '+',
            "a slash" => '/',
            "an equals sign" => '=',
            _ => ' ',
        };
        return grants.ExchangeAsync(pending => pending.CodeVerifier[..20] + outsider + pending.CodeVerifier[21..]);
    }
}
