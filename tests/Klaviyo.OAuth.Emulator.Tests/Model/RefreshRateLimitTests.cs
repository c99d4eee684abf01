using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class RefreshRateLimitTests
{
    [Test]
    public void Ten_uses_within_a_minute_are_granted_and_the_eleventh_is_rate_limited()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();

        var outcomes = Enumerable.Range(0, 11).Select(_ => model.Tokens.Refresh(model.Client.Id, token).Refusal).ToList();

        outcomes.Take(10).Should().AllBeEquivalentTo(RefreshRefusal.None);
        outcomes[10].Should().Be(RefreshRefusal.RateLimited);
    }

    [Test]
    public void A_rate_limited_token_says_how_long_until_a_use_frees_up()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();
        for (var i = 0; i < 10; i++)
        {
            model.Tokens.Refresh(model.Client.Id, token);
            model.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var refused = model.Tokens.Refresh(model.Client.Id, token);

        refused.RetryAfter.Should().Be(TimeSpan.FromSeconds(50));
    }

    [Test]
    public void Other_refresh_tokens_are_not_affected_by_one_tokens_rate_limit()
    {
        var model = new ModelBuilder();
        var busy = model.NewRefreshToken();
        var quiet = model.NewRefreshToken();
        for (var i = 0; i < 11; i++)
        {
            model.Tokens.Refresh(model.Client.Id, busy);
        }

        model.Tokens.Refresh(model.Client.Id, quiet).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void A_rate_limited_token_is_usable_again_once_the_window_has_passed()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();
        for (var i = 0; i < 11; i++)
        {
            model.Tokens.Refresh(model.Client.Id, token);
        }

        model.Time.Advance(TimeSpan.FromMinutes(1));

        model.Tokens.Refresh(model.Client.Id, token).Refusal.Should().Be(RefreshRefusal.None);
    }

    [Test]
    public void Concurrent_refreshes_of_one_token_never_exceed_the_limit()
    {
        var model = new ModelBuilder();
        var token = model.NewRefreshToken();

        var outcomes = new RefreshRefusal[64];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => outcomes[i] = model.Tokens.Refresh(model.Client.Id, token).Refusal);

        outcomes.Count(o => o == RefreshRefusal.None).Should().Be(10);
        outcomes.Count(o => o == RefreshRefusal.RateLimited).Should().Be(54);
    }

    [Test]
    public void The_limiter_frees_a_use_exactly_when_the_oldest_use_leaves_the_window()
    {
        var limiter = new RefreshRateLimiter(2, TimeSpan.FromSeconds(10));
        var start = DateTimeOffset.UnixEpoch;
        limiter.TryAcquire(start, out _).Should().BeTrue();
        limiter.TryAcquire(start.AddSeconds(5), out _).Should().BeTrue();

        limiter.TryAcquire(start.AddSeconds(9.9), out var wait).Should().BeFalse();
        wait.Should().Be(TimeSpan.FromSeconds(0.1));
        limiter.TryAcquire(start.AddSeconds(10), out _).Should().BeTrue();
    }
}
