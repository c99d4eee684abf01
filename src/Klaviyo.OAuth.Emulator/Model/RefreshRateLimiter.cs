namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// At most <c>limit</c> granted uses per sliding <c>window</c>. Refused attempts do not count, so
/// a token is usable again as soon as its oldest use in the window has aged out.
/// </summary>
internal sealed class RefreshRateLimiter(int limit, TimeSpan window)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _uses = new();

    /// <summary>Records a use if one is free; otherwise says how long until one frees up.</summary>
    public bool TryAcquire(DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            while (_uses.Count > 0 && now - _uses.Peek() >= window)
            {
                _uses.Dequeue();
            }

            if (_uses.Count < limit)
            {
                _uses.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = _uses.Peek() + window - now;
            return false;
        }
    }

    /// <summary>Fills the window with uses at <paramref name="now"/>, so the next free use is a full window away.</summary>
    public void Exhaust(DateTimeOffset now)
    {
        lock (_gate)
        {
            _uses.Clear();
            for (var i = 0; i < limit; i++)
            {
                _uses.Enqueue(now);
            }
        }
    }
}
