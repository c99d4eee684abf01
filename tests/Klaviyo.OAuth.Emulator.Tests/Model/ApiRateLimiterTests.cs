using Klaviyo.OAuth.Emulator.Model;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class ApiRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_burst_over_the_tier_is_throttled_until_its_second_is_over()
    {
        var (time, limiter) = Limiter(enforce: true);

        limiter.Take("app", "acct", ApiTier.S).IsThrottled.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(200));
        limiter.Take("app", "acct", ApiTier.S).Remaining.Should().Be(1);
        limiter.Take("app", "acct", ApiTier.S).Remaining.Should().Be(0);
        var refused = limiter.Take("app", "acct", ApiTier.S);

        refused.IsThrottled.Should().BeTrue();
        refused.Wait.Should().Be(TimeSpan.FromMilliseconds(800));
        time.Advance(TimeSpan.FromMilliseconds(800));
        limiter.Take("app", "acct", ApiTier.S).IsThrottled.Should().BeFalse();
    }

    [Test]
    public void The_steady_limit_holds_across_bursts_and_refusals_do_not_count()
    {
        var (time, limiter) = Limiter(enforce: true);
        for (var i = 0; i < 15; i++)
        {
            limiter.Take("app", "acct", ApiTier.XS).IsThrottled.Should().BeFalse($"request {i + 1} of 15 is within XS's 15 a minute");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        limiter.Take("app", "acct", ApiTier.XS).Wait.Should().Be(TimeSpan.FromSeconds(45));
        time.Advance(TimeSpan.FromSeconds(44));
        limiter.Take("app", "acct", ApiTier.XS).IsThrottled.Should().BeTrue();
        time.Advance(TimeSpan.FromSeconds(1));
        limiter.Take("app", "acct", ApiTier.XS).IsThrottled.Should().BeFalse();
    }

    [Test]
    public void Each_installed_app_and_tier_has_its_own_windows()
    {
        var (_, limiter) = Limiter(enforce: true);
        limiter.Take("app", "acct", ApiTier.XS);

        limiter.Take("app", "acct", ApiTier.XS).IsThrottled.Should().BeTrue();
        limiter.Take("app", "other-acct", ApiTier.XS).IsThrottled.Should().BeFalse();
        limiter.Take("other-app", "acct", ApiTier.XS).IsThrottled.Should().BeFalse();
        limiter.Take("app", "acct", ApiTier.M).IsThrottled.Should().BeFalse();
    }

    [Test]
    public void Without_enforcement_requests_are_counted_but_never_throttled()
    {
        var (_, limiter) = Limiter(enforce: false);

        var decisions = Enumerable.Range(0, 5).Select(_ => limiter.Take("app", "acct", ApiTier.XS)).ToList();

        decisions.Should().OnlyContain(d => !d.IsThrottled);
        decisions[^1].Remaining.Should().Be(0);
        limiter.Peek("app", "acct", ApiTier.XS).Limit.Should().Be(1);
        limiter.Peek(null, null, ApiTier.L).Should().Be(new ApiRateDecision(false, TimeSpan.Zero, 75, 75, TimeSpan.FromSeconds(1)));
    }

    private static (FakeTimeProvider Time, ApiRateLimiter Limiter) Limiter(bool enforce)
    {
        var time = new FakeTimeProvider(Start);
        return (time, new ApiRateLimiter(new EmulatorClock(time), enforce));
    }
}
