namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// The emulator's time: a <see cref="TimeProvider"/> plus a global offset plus one offset per
/// client, so a scenario can age its own client's tokens without disturbing scenarios that run
/// in parallel against the same emulator.
/// </summary>
internal sealed class EmulatorClock(TimeProvider baseTime)
{
    /// <summary>
    /// How far ahead of real time the emulator's "now" may be, globally and per client together.
    /// A century covers every lifetime the model knows (90 days at most) many times over, and keeps
    /// "now" plus any lifetime far from <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(36_525);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TimeSpan> _clientOffsets = new(StringComparer.Ordinal);
    private TimeSpan _globalOffset;

    /// <summary>"Now" as seen by operations involving <paramref name="clientId"/> (or globally).</summary>
    public DateTimeOffset Now(string? clientId = null)
    {
        lock (_gate)
        {
            return baseTime.GetUtcNow() + _globalOffset + ClientOffset(clientId);
        }
    }

    /// <summary>Moves time forward, for everyone or for one client; returns the new "now".</summary>
    public DateTimeOffset Advance(TimeSpan by, string? clientId = null)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        }

        lock (_gate)
        {
            var furthest = clientId is null ? _globalOffset + LargestClientOffset() : _globalOffset + ClientOffset(clientId);
            if (by > MaxAhead - furthest)
            {
                throw new ArgumentException(
                    $"The clock may run at most {MaxAhead.TotalDays:0} days ({MaxAhead.TotalSeconds:0} s) ahead of real time; it is {furthest.TotalSeconds:0} s ahead already.");
            }

            if (clientId is null)
            {
                _globalOffset += by;
            }
            else
            {
                _clientOffsets[clientId] = ClientOffset(clientId) + by;
            }

            return baseTime.GetUtcNow() + _globalOffset + ClientOffset(clientId);
        }
    }

    private TimeSpan LargestClientOffset() => _clientOffsets.Count == 0 ? TimeSpan.Zero : _clientOffsets.Values.Max();

    private TimeSpan ClientOffset(string? clientId) =>
        clientId is not null && _clientOffsets.TryGetValue(clientId, out var offset) ? offset : TimeSpan.Zero;
}
