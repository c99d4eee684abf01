using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class RevocationTests
{
    [Test]
    public void Revoking_a_refresh_token_also_revokes_the_access_tokens_issued_from_it()
    {
        var model = new ModelBuilder();
        var exchange = model.Exchange();
        var refreshed = model.Tokens.Refresh(model.Client.Id, exchange.RefreshToken!.Value).AccessToken!;

        model.Tokens.Revoke(model.Client.Id, exchange.RefreshToken.Value);

        model.Tokens.Refresh(model.Client.Id, exchange.RefreshToken.Value).Refusal.Should().Be(RefreshRefusal.Revoked);
        model.Tokens.Check(exchange.AccessToken!.Value, out _).Should().Be(AccessTokenState.Revoked);
        model.Tokens.Check(refreshed.Value, out _).Should().Be(AccessTokenState.Revoked);
    }

    [Test]
    public void Revoking_a_token_of_another_client_leaves_it_usable()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();
        var other = model.Emulation.Clients.Register();

        model.Tokens.Revoke(other.Id, token).Should().Be("token of another client ignored");

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void A_refresh_token_issued_to_another_client_does_not_exist_for_this_one()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();
        var other = model.Emulation.Clients.Register();

        model.Tokens.Refresh(other.Id, token).Refusal.Should().Be(RefreshRefusal.NotFound);
    }

    [Test]
    public void Removing_the_app_revokes_its_tokens_in_that_account_only()
    {
        var model = new ModelBuilder();
        var inAccount = model.Exchange();
        var otherAccount = model.Emulation.Accounts.CreateAccount(allowlisted: false).Id;
        var code = model.Tokens.IssueCode(model.Client.Id, ModelBuilder.RedirectUri, "accounts:read", ModelBuilder.Challenge, otherAccount);
        var elsewhere = model.Tokens.ExchangeCode(model.Client.Id, code.Value, ModelBuilder.RedirectUri, ModelBuilder.Verifier);

        model.Tokens.RemoveApp(model.Client.Id, model.AccountId);

        model.Tokens.Refresh(model.Client.Id, inAccount.RefreshToken!.Value).Refusal.Should().Be(RefreshRefusal.Revoked);
        model.Tokens.Check(inAccount.AccessToken!.Value, out _).Should().Be(AccessTokenState.Revoked);
        model.Tokens.Refresh(model.Client.Id, elsewhere.RefreshToken!.Value).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void A_revoke_racing_refreshes_leaves_no_active_access_token_behind()
    {
        for (var round = 0; round < 20; round++)
        {
            var model = new ModelBuilder(new EmulatorOptions { RefreshRateLimit = 1000 });
            var token = model.NewRefreshToken();
            var issued = new System.Collections.Concurrent.ConcurrentBag<AccessToken>();

            Parallel.Invoke(
                () => Parallel.For(0, 50, _ =>
                {
                    if (model.Tokens.Refresh(model.Client.Id, token).AccessToken is { } accessToken)
                    {
                        issued.Add(accessToken);
                    }
                }),
                () => model.Tokens.Revoke(model.Client.Id, token));

            issued.Where(a => !a.IsRevoked).Should().BeEmpty();
            model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.Revoked);
        }
    }

    [Test]
    public void An_access_token_expires_when_its_lifetime_has_passed()
    {
        var model = new ModelBuilder();
        var accessToken = model.Exchange().AccessToken!.Value;

        model.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        model.Tokens.Check(accessToken, out _).Should().Be(AccessTokenState.Active);
        model.Time.Advance(TimeSpan.FromSeconds(1));

        model.Tokens.Check(accessToken, out _).Should().Be(AccessTokenState.Expired);
    }
}
