using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class RefreshTokenInactivityTests
{
    [Test]
    public void A_refresh_token_unused_for_exactly_90_days_still_works()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();

        model.Time.Advance(TimeSpan.FromDays(90));

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void A_refresh_token_unused_for_90_days_and_one_second_is_expired_for_inactivity()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();

        model.Time.Advance(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1));

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.Inactive);
    }

    [Test]
    public void Using_a_refresh_token_on_day_89_restarts_the_90_days()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();

        model.Time.Advance(TimeSpan.FromDays(89));
        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
        model.Time.Advance(TimeSpan.FromDays(89));

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void Advancing_one_clients_clock_ages_only_that_clients_tokens()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();
        var other = model.Emulation.Clients.Register();

        model.Emulation.Clock.Advance(TimeSpan.FromDays(91), other.Id);

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void The_inactivity_limit_is_configurable()
    {
        var model = new ModelBuilder(new EmulatorOptions { RefreshTokenInactivityLimit = TimeSpan.FromHours(1) });
        var token = model.NewRefreshToken();

        model.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.Inactive);
    }
}
