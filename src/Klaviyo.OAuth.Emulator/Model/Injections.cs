namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>The kinds of request an injected behaviour can take the place of.</summary>
internal enum InjectionSite
{
    /// <summary>Any POST /oauth/token on the API host.</summary>
    TokenRequest,

    /// <summary>A token request with grant_type=refresh_token.</summary>
    RefreshGrant,

    /// <summary>A token request with grant_type=authorization_code.</summary>
    CodeExchange,

    /// <summary>POST /oauth/revoke on the API host.</summary>
    Revocation,

    /// <summary>Any request under /api/.</summary>
    ApiCall,

    /// <summary>/oauth/authorize on the web host.</summary>
    Authorization,

    /// <summary>/oauth/client on the web host.</summary>
    ClientPage,
}

/// <summary>One behaviour waiting to be injected: on how many more requests, and for which app (null: any).</summary>
public sealed record PendingInjection(string Behaviour, int Remaining, string? ClientId);

/// <summary>
/// Behaviours to answer on the next requests of their kind instead of the model (or the upstream):
/// first in, first served, each for its number of requests, for any app or one. Without anything
/// pending, a request costs one read.
/// </summary>
internal sealed class Injections
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _pending = [];
    private int _count;

    /// <summary>Whether anything is pending at all (one read, no lock).</summary>
    public bool AnyPending => Volatile.Read(ref _count) > 0;

    public void Add(string behaviour, InjectionSite site, int times, string? clientId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _pending.Add(new Entry(behaviour, site, clientId, times));
            Volatile.Write(ref _count, _pending.Count);
        }
    }

    /// <summary>
    /// Takes one use of the oldest behaviour pending for any of <paramref name="sites"/> and this
    /// app (<paramref name="clientOf"/> is asked only when one is pending for a single app).
    /// </summary>
    public string? Take(IReadOnlyCollection<InjectionSite> sites, Func<string?> clientOf)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        string? clientId = null;
        var clientKnown = false;
        lock (_gate)
        {
            foreach (var entry in _pending)
            {
                if (!sites.Contains(entry.Site))
                {
                    continue;
                }

                if (entry.ClientId is not null)
                {
                    if (!clientKnown)
                    {
                        clientId = clientOf();
                        clientKnown = true;
                    }

                    if (!string.Equals(entry.ClientId, clientId, StringComparison.Ordinal))
                    {
                        continue;
                    }
                }

                if (--entry.Remaining == 0)
                {
                    _pending.Remove(entry);
                    Volatile.Write(ref _count, _pending.Count);
                }

                return entry.Behaviour;
            }
        }

        return null;
    }

    public IReadOnlyList<PendingInjection> Pending()
    {
        lock (_gate)
        {
            return [.. _pending.Select(e => new PendingInjection(e.Behaviour, e.Remaining, e.ClientId))];
        }
    }

    /// <summary>Drops everything pending (for everyone, or for one app); returns how many were dropped.</summary>
    public int Clear(string? clientId)
    {
        lock (_gate)
        {
            var dropped = _pending.RemoveAll(e => clientId is null || string.Equals(e.ClientId, clientId, StringComparison.Ordinal));
            Volatile.Write(ref _count, _pending.Count);
            return dropped;
        }
    }

    private sealed class Entry(string behaviour, InjectionSite site, string? clientId, int times)
    {
        public string Behaviour { get; } = behaviour;

        public InjectionSite Site { get; } = site;

        public string? ClientId { get; } = clientId;

        public int Remaining { get; set; } = times;
    }
}
