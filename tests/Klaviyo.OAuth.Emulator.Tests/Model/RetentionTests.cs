using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

/// <summary>What stopped working is forgotten after the grace period, and not a moment before a behaviour needs it.</summary>
public class RetentionTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    [Test]
    public void A_revoked_refresh_token_still_answers_revoked_within_the_grace_period()
    {
        var model = new ModelBuilder(new EmulatorOptions { ForgetAfter = Grace });
        var token = model.NewRefreshToken();
        model.Tokens.Revoke(model.Client.Id, token);

        model.Tokens.ForgetStale();
        model.Time.Advance(Grace - TimeSpan.FromMinutes(1));
        model.Tokens.ForgetStale();

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.Revoked);
    }

    [Test]
    public void A_revoked_refresh_token_is_forgotten_after_the_grace_period()
    {
        var model = new ModelBuilder(new EmulatorOptions { ForgetAfter = Grace });
        var token = model.NewRefreshToken();
        model.Tokens.Revoke(model.Client.Id, token);

        model.Tokens.ForgetStale();
        model.Time.Advance(Grace + TimeSpan.FromMinutes(1));
        model.Tokens.ForgetStale();

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.NotFound);
        model.Tokens.Held.RefreshTokens.Should().Be(0);
    }

    [Test]
    public void An_inactive_refresh_token_answers_inactive_until_the_grace_period_has_passed()
    {
        var options = new EmulatorOptions { ForgetAfter = Grace };
        var model = new ModelBuilder(options);
        var token = model.NewRefreshToken();

        model.Time.Advance(options.RefreshTokenInactivityLimit + Grace - TimeSpan.FromMinutes(1));
        model.Tokens.ForgetStale();
        var withinGrace = model.Tokens.Refresh(model.Client.Id, token).Refusal;
        model.Time.Advance(TimeSpan.FromMinutes(2));
        model.Tokens.ForgetStale();

        withinGrace.Should().Be(RefreshRefusal.Inactive);
        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.NotFound);
    }

    [Test]
    public void An_expired_access_token_answers_expired_until_the_grace_period_has_passed()
    {
        var options = new EmulatorOptions { ForgetAfter = Grace };
        var model = new ModelBuilder(options);
        var accessToken = model.Exchange().AccessToken!.Value;

        model.Time.Advance(options.AccessTokenLifetime + Grace - TimeSpan.FromMinutes(1));
        model.Tokens.ForgetStale();
        var withinGrace = model.Tokens.Check(accessToken, out _);
        model.Time.Advance(TimeSpan.FromMinutes(2));
        model.Tokens.ForgetStale();

        withinGrace.Should().Be(AccessTokenState.Expired);
        model.Tokens.Check(accessToken, out _).Should().Be(AccessTokenState.Unknown);
    }

    [Test]
    public void An_unused_expired_code_is_forgotten_after_the_grace_period()
    {
        var options = new EmulatorOptions { ForgetAfter = Grace };
        var model = new ModelBuilder(options);
        model.IssueCode();

        model.Time.Advance(options.AuthorizationCodeLifetime + Grace + TimeSpan.FromMinutes(1));
        model.Tokens.ForgetStale();

        model.Tokens.Held.Codes.Should().Be(0);
    }

    [Test]
    public void Many_refreshes_over_a_long_time_keep_only_what_the_grace_period_covers()
    {
        var options = new EmulatorOptions { ForgetAfter = TimeSpan.Zero, AccessTokenLifetime = TimeSpan.FromMinutes(5) };
        var model = new ModelBuilder(options);
        var token = model.NewRefreshToken();

        for (var i = 0; i < 3 * TokenRegistry.SweepEvery; i++)
        {
            model.Time.Advance(TimeSpan.FromSeconds(10));
            model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
        }

        // Live: at most the last 5 minutes of tokens (30), plus what arrived since the last sweep.
        model.Tokens.Held.AccessTokens.Should().BeLessThan(TokenRegistry.SweepEvery + 31);
        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void A_refresh_token_does_not_keep_an_access_token_the_registry_has_forgotten()
    {
        var options = new EmulatorOptions { ForgetAfter = Grace };
        var model = new ModelBuilder(options);
        var token = model.NewRefreshToken();
        var first = RefreshOnce(model, token);

        model.Time.Advance(options.AccessTokenLifetime + Grace + TimeSpan.FromMinutes(1));
        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
        model.Tokens.ForgetStale();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // Each held access token is a JWT of half a kilobyte: one kept alive per refresh adds up.
        first.IsAlive.Should().BeFalse("the refresh token should let go of an access token once it is forgettable");
    }

    // Not inlined, so no local of the caller keeps the access token alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference RefreshOnce(ModelBuilder model, string token) =>
        new(model.Tokens.Refresh(model.Client.Id, token).AccessToken ?? throw new InvalidOperationException("refresh refused"));
}
