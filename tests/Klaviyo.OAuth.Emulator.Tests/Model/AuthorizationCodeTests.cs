using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class AuthorizationCodeTests
{
    [Test]
    public void A_code_can_be_exchanged_only_once()
    {
        var model = new ModelBuilder();
        var code = model.IssueCode().Value;

        model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Redeemed);

        model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Invalid);
    }

    [Test]
    public void A_code_expires_after_its_lifetime()
    {
        var model = new ModelBuilder();
        var code = model.IssueCode().Value;

        model.Time.Advance(TimeSpan.FromMinutes(10));

        model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Invalid);
    }

    [Test]
    public void A_code_is_bound_to_its_client_and_redirect_uri()
    {
        var model = new ModelBuilder();
        var code = model.IssueCode().Value;
        var other = model.Emulation.Clients.Register();

        model.Tokens.ExchangeCode(other.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Invalid);
        model.Tokens.ExchangeCode(model.Client.Id, code, "http://127.0.0.1/other", ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Invalid);
        model.Tokens.ExchangeCode(model.Client.Id, code, null, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Invalid);
        model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.Redeemed);
    }

    [Test]
    public void A_verifier_that_does_not_hash_to_the_challenge_fails_the_challenge()
    {
        var model = new ModelBuilder();
        var code = model.IssueCode().Value;

        var exchange = model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, new string('a', 43));

        exchange.Redemption.Should().Be(CodeRedemption.ChallengeFailed);
    }

    [Test]
    public void A_verifier_sent_as_its_own_challenge_fails_the_challenge()
    {
        var model = new ModelBuilder();
        var code = model.IssueCode(challenge: ModelBuilder.Verifier).Value;

        model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption.Should().Be(CodeRedemption.ChallengeFailed);
    }

    [Test]
    public void Concurrent_exchanges_of_one_code_redeem_it_once()
    {
        var model = new ModelBuilder();
        var code = model.IssueCode().Value;

        var results = new CodeRedemption[16];
        Parallel.For(0, results.Length, i => results[i] = model.Tokens.ExchangeCode(model.Client.Id, code, ModelBuilder.RedirectUri, ModelBuilder.Verifier).Redemption);

        results.Count(r => r == CodeRedemption.Redeemed).Should().Be(1);
    }
}
