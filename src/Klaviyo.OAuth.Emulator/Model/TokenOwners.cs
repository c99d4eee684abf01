using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// Tokens the model did not issue itself but saw an upstream issue, through the proxy: the app
/// each belongs to and, for an access token, what its token answer granted (the scopes, the expiry
/// from <c>expires_in</c>), so that a user's stub answers only a request whose token the upstream
/// would accept. Tokens of one grant form a family: the code exchange's answer, and every refresh
/// answer for a refresh token of the family. Revoking any token of a family through the proxy
/// revokes the whole family here (the upstream may revoke less; then it answers, as it always
/// may). Only a hash of each token is kept, and at most <see cref="Capacity"/> of them (the oldest
/// half goes when it is full).
/// </summary>
internal sealed class TokenOwners
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>
    /// One token answer from the upstream. <paramref name="refreshedWith"/>: the refresh token of
    /// the grant that asked for it (null for a code exchange), whose family the answer joins.
    /// <paramref name="expiresAt"/> null: the answer said no lifetime, so its access token is never trusted.
    /// </summary>
    public void RememberIssued(
        string clientId, string? accessToken, string? refreshToken, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, string? refreshedWith)
    {
        var family = refreshedWith is not null && _seen.TryGetValue(Hash(refreshedWith), out var parent) ? parent.Family : new Family();
        if (refreshToken is not null)
        {
            Add(refreshToken, new Seen(clientId, 0, family, null, null));
        }

        if (accessToken is not null)
        {
            Add(accessToken, new Seen(clientId, 0, family, scopes.ToHashSet(StringComparer.Ordinal), expiresAt));
        }
    }

    /// <summary>
    /// The upstream accepted <paramref name="clientId"/>'s revocation of <paramref name="token"/>:
    /// when the token is that app's, its family is no longer trusted (a server ignores another
    /// app's token, RFC 7009 section 2.1).
    /// </summary>
    public void Revoked(string token, string? clientId)
    {
        if (_seen.TryGetValue(Hash(token), out var seen) && seen.ClientId == clientId)
        {
            seen.Family.IsRevoked = true;
        }
    }

    public string? OwnerOf(string token) => _seen.TryGetValue(Hash(token), out var seen) ? seen.ClientId : null;

    /// <summary>
    /// What an access token seen issued grants at <paramref name="now"/>; null when it was not seen
    /// issued as an access token, has expired, or its family was revoked through the proxy.
    /// </summary>
    public IReadOnlySet<string>? ScopesOf(string accessToken, Func<string, DateTimeOffset> now) =>
        _seen.TryGetValue(Hash(accessToken), out var seen) && seen is { Scopes: { } scopes, ExpiresAt: { } expiresAt, Family.IsRevoked: false }
        && now(seen.ClientId) < expiresAt
            ? scopes
            : null;

    private void Add(string token, Seen seen)
    {
        if (_seen.Count >= Capacity)
        {
            var cutoff = Interlocked.Read(ref _sequence) - (Capacity / 2);
            foreach (var old in _seen.Where(o => o.Value.Sequence < cutoff))
            {
                _seen.TryRemove(old.Key, out _);
            }
        }

        _seen[Hash(token)] = seen with { Sequence = Interlocked.Increment(ref _sequence) };
    }

    private static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed class Family
    {
        private volatile bool _revoked;

        public bool IsRevoked
        {
            get => _revoked;
            set => _revoked = value;
        }
    }

    private sealed record Seen(string ClientId, long Sequence, Family Family, IReadOnlySet<string>? Scopes, DateTimeOffset? ExpiresAt);
}
