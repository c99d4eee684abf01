namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>A bearer token for the REST API; see <see cref="AccessTokenFormat"/> for its shape.</summary>
internal sealed class AccessToken(string value, string clientId, string accountId, string scope, DateTimeOffset issuedAt, TimeSpan lifetime)
{
    private int _revoked;

    public string Value { get; } = value;

    public string ClientId { get; } = clientId;

    public string AccountId { get; } = accountId;

    public string Scope { get; } = scope;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public DateTimeOffset ExpiresAt { get; } = issuedAt + lifetime;

    public bool IsRevoked => Volatile.Read(ref _revoked) == 1;

    public void Revoke() => Volatile.Write(ref _revoked, 1);

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
