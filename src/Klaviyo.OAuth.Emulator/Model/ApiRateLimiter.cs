using System.Collections.Concurrent;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// The API's rate limits, counted per installed app (client and account) and tier in two fixed
/// windows, a burst one of a second and a steady one of a minute, each starting with its first
/// request. A refused request does not count. With enforcement off the requests are counted all
/// the same, so that the RateLimit headers say what Klaviyo would.
/// </summary>
internal sealed class ApiRateLimiter(EmulatorClock clock, bool enforce)
{
    private readonly ConcurrentDictionary<(string ClientId, string AccountId, ApiTier Tier), Windows> _apps = new();

    /// <summary>Counts a request of this app, or says it is throttled and for how long.</summary>
    public ApiRateDecision Take(string clientId, string accountId, ApiTier tier)
    {
        var windows = _apps.GetOrAdd((clientId, accountId, tier), key => new Windows(ApiTierLimits.Of(key.Tier)));
        return windows.Take(clock.Now(clientId), enforce);
    }

    /// <summary>What the headers say for a request not counted (an app not known, a refusal before the limits).</summary>
    public ApiRateDecision Peek(string? clientId, string? accountId, ApiTier tier) =>
        clientId is not null && accountId is not null && _apps.TryGetValue((clientId, accountId, tier), out var windows)
            ? windows.Peek(clock.Now(clientId))
            : ApiRateDecision.Fresh(ApiTierLimits.Of(tier));

    private sealed class Windows(ApiTierLimits limits)
    {
        private readonly Lock _gate = new();
        private readonly Window _burst = new(limits.Burst, ApiTierLimits.BurstWindow);
        private readonly Window _steady = new(limits.Steady, ApiTierLimits.SteadyWindow);

        public ApiRateDecision Take(DateTimeOffset now, bool enforce)
        {
            lock (_gate)
            {
                _burst.Roll(now);
                _steady.Roll(now);
                if (enforce && (_burst.IsFull || _steady.IsFull))
                {
                    var wait = TimeSpan.Zero;
                    foreach (var full in new[] { _burst, _steady }.Where(w => w.IsFull))
                    {
                        wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, full.ResetIn(now).Ticks));
                    }

                    return ApiRateDecision.Throttled(wait);
                }

                _burst.Count(now);
                _steady.Count(now);
                return Report(now);
            }
        }

        public ApiRateDecision Peek(DateTimeOffset now)
        {
            lock (_gate)
            {
                _burst.Roll(now);
                _steady.Roll(now);
                return Report(now);
            }
        }

        // The headers describe the window closer to refusing: the one with fewer requests left.
        private ApiRateDecision Report(DateTimeOffset now)
        {
            var window = _burst.Remaining < _steady.Remaining ? _burst : _steady;
            return new ApiRateDecision(false, TimeSpan.Zero, window.Limit, window.Remaining, window.ResetIn(now));
        }
    }

    private sealed class Window(int limit, TimeSpan length)
    {
        private DateTimeOffset? _start;
        private int _used;

        public int Limit => limit;

        public bool IsFull => _used >= limit;

        public int Remaining => Math.Max(0, limit - _used);

        public void Roll(DateTimeOffset now)
        {
            if (_start is { } start && now - start >= length)
            {
                _start = null;
                _used = 0;
            }
        }

        public void Count(DateTimeOffset now)
        {
            _start ??= now;
            _used++;
        }

        public TimeSpan ResetIn(DateTimeOffset now) => _start is { } start ? start + length - now : length;
    }
}

/// <summary>
/// The limiter's answer: throttled (and for how long), or the state of the window the
/// RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset headers describe.
/// </summary>
internal readonly record struct ApiRateDecision(bool IsThrottled, TimeSpan Wait, int Limit, int Remaining, TimeSpan ResetIn)
{
    public static ApiRateDecision Throttled(TimeSpan wait) => new(true, wait, 0, 0, wait);

    public static ApiRateDecision Fresh(ApiTierLimits limits) => new(false, TimeSpan.Zero, limits.Burst, limits.Burst, ApiTierLimits.BurstWindow);
}
