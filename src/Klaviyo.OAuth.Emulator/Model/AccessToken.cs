namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>A bearer token for the REST API; see <see cref="AccessTokenShape"/> for its shape.</summary>
internal sealed class AccessToken(string value, string clientId, string accountId, string scope, DateTimeOffset issuedAt, TimeSpan lifetime)
{
    private int _revoked;

    public string Value { get; } = value;

    public string ClientId { get; } = clientId;

    public string AccountId { get; } = accountId;

    public string Scope { get; } = scope;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public DateTimeOffset ExpiresAt { get; } = issuedAt + lifetime;

    /// <summary>Whether the token's space-separated scope includes <paramref name="scope"/> exactly (a write scope does not imply read).</summary>
    public bool Grants(string scope) => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);

    public bool IsRevoked => Volatile.Read(ref _revoked) == 1;

    public void Revoke() => Volatile.Write(ref _revoked, 1);

    /// <summary>Expired (revoked or not) for longer than <paramref name="grace"/>: no behaviour needs it any more.</summary>
    public bool IsForgettable(DateTimeOffset now, TimeSpan grace) => now - ExpiresAt > grace;

    public AccessTokenState StateAt(DateTimeOffset now) =>
        IsRevoked ? AccessTokenState.Revoked : now >= ExpiresAt ? AccessTokenState.Expired : AccessTokenState.Active;
}

internal enum AccessTokenState
{
    Unknown,
    Active,
    Expired,
    Revoked,
}
