namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// A code a user's approval produced: bound to the client, redirect URI, scope, S256 challenge and
/// the user's account; short-lived and single use.
/// </summary>
internal sealed class AuthorizationCode(
    string value,
    string clientId,
    string redirectUri,
    string scope,
    string codeChallenge,
    string accountId,
    DateTimeOffset expiresAt)
{
    private readonly Lock _gate = new();
    private bool _used;

    public string Value { get; } = value;

    public string ClientId { get; } = clientId;

    public string RedirectUri { get; } = redirectUri;

    public string Scope { get; } = scope;

    public string CodeChallenge { get; } = codeChallenge;

    public string AccountId { get; } = accountId;

    public DateTimeOffset ExpiresAt => expiresAt;

    /// <summary>
    /// Redeems the code once. The binding checks come before the PKCE check; a failed attempt
    /// leaves the code unused (only success consumes it).
    /// </summary>
    public CodeRedemption Redeem(string clientId, string? redirectUri, string verifier, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_used)
            {
                return CodeRedemption.Invalid;
            }

            if (!string.Equals(clientId, ClientId, StringComparison.Ordinal)
                || !string.Equals(redirectUri, RedirectUri, StringComparison.Ordinal)
                || now >= ExpiresAt)
            {
                return CodeRedemption.Invalid;
            }

            if (!Pkce.Satisfies(verifier, CodeChallenge))
            {
                return CodeRedemption.ChallengeFailed;
            }

            _used = true;
            return CodeRedemption.Redeemed;
        }
    }
}

internal enum CodeRedemption
{
    Redeemed,
    Invalid,
    ChallengeFailed,
}
