namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// The emulator's time: a <see cref="TimeProvider"/> plus a global offset plus one offset per
/// client, so a scenario can age its own client's tokens without disturbing scenarios that run
/// in parallel against the same emulator.
/// </summary>
internal sealed class EmulatorClock(TimeProvider baseTime)
{
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

    private TimeSpan ClientOffset(string? clientId) =>
        clientId is not null && _clientOffsets.TryGetValue(clientId, out var offset) ? offset : TimeSpan.Zero;
}
