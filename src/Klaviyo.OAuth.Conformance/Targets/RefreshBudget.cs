namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// Keeps the suite below a remote target's refresh rate limit (Klaviyo: 10 uses of one refresh
/// token per minute), so a run never locks a configured token out: at most <see cref="Limit"/>
/// refreshes per token in any rolling <see cref="Window"/>; a caller beyond that waits until the
/// oldest use leaves the window.
/// </summary>
public sealed class RefreshBudget
{
    /// <summary>One below Klaviyo's 10, leaving room for a refresh the suite does not control.</summary>
    public const int DefaultLimit = 9;

    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _uses = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RefreshBudget(TimeProvider? timeProvider = null, int limit = DefaultLimit, TimeSpan? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Window = window ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(window));
        Limit = limit;
        _time = timeProvider ?? TimeProvider.System;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Returns once a refresh with <paramref name="refreshToken"/> fits the budget, and counts it as spent.</summary>
    public async Task AcquireAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        while (true)
        {
            var wait = TryTake(refreshToken);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Takes a slot and returns zero, or returns how long until one frees.</summary>
    private TimeSpan TryTake(string refreshToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_uses.TryGetValue(refreshToken, out var uses))
            {
                uses = new Queue<DateTimeOffset>();
                _uses[refreshToken] = uses;
            }

            while (uses.Count > 0 && uses.Peek() + Window <= now)
            {
                uses.Dequeue();
            }

            if (uses.Count < Limit)
            {
                uses.Enqueue(now);
                return TimeSpan.Zero;
            }

            return uses.Peek() + Window - now;
        }
    }
}
