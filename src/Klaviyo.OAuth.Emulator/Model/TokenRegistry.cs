using System.Collections.Concurrent;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// Authorization codes, refresh tokens and access tokens: issuing, using, revoking and checking
/// them. "Now" for each operation is the clock as seen by the client involved.
/// </summary>
internal sealed partial class TokenRegistry(EmulatorClock clock, EmulatorOptions options, AccessTokenShape accessTokenShape)
{
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshToken> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessToken> _accessTokens = new(StringComparer.Ordinal);

    public AuthorizationCode IssueCode(string clientId, string redirectUri, string scope, string codeChallenge, string accountId)
    {
        var code = new AuthorizationCode(
            RandomValue.Create(24), clientId, redirectUri, scope, codeChallenge, accountId,
            clock.Now(clientId) + options.AuthorizationCodeLifetime);
        _codes[code.Value] = code;
        NoteIssued();
        return code;
    }

    /// <summary>Exchanges a code for a refresh token and a first access token.</summary>
    public CodeExchange ExchangeCode(string clientId, string code, string? redirectUri, string verifier)
    {
        if (!_codes.TryGetValue(code, out var authorizationCode))
        {
            return new CodeExchange(CodeRedemption.Invalid, null, null);
        }

        var redemption = authorizationCode.Redeem(clientId, redirectUri, verifier, clock.Now(clientId));
        if (redemption != CodeRedemption.Redeemed)
        {
            return new CodeExchange(redemption, null, null);
        }

        _codes.TryRemove(code, out _);
        var now = clock.Now(clientId);
        var refreshToken = new RefreshToken(
            "klr_" + RandomValue.Create(32), clientId, authorizationCode.AccountId, authorizationCode.Scope, now, options);
        _refreshTokens[refreshToken.Value] = refreshToken;
        var accessToken = IssueAccessToken(refreshToken, now);
        refreshToken.Attach(accessToken);
        return new CodeExchange(CodeRedemption.Redeemed, accessToken, refreshToken);
    }

    /// <summary>Uses a refresh token; a token issued to another client counts as not found.</summary>
    public RefreshOutcome Refresh(string clientId, string refreshToken)
    {
        if (!_refreshTokens.TryGetValue(refreshToken, out var token) || !string.Equals(token.ClientId, clientId, StringComparison.Ordinal))
        {
            return RefreshOutcome.Refused(RefreshRefusal.NotFound);
        }

        var now = clock.Now(clientId);
        return token.Use(now, () => IssueAccessToken(token, now));
    }

    /// <summary>
    /// Revokes a refresh or access token of this client (RFC 7009: the hint is only a hint).
    /// Unknown tokens and tokens of other clients are ignored; returns what was revoked.
    /// </summary>
    public string Revoke(string clientId, string token)
    {
        if (_refreshTokens.TryGetValue(token, out var refreshToken))
        {
            if (!string.Equals(refreshToken.ClientId, clientId, StringComparison.Ordinal))
            {
                return "token of another client ignored";
            }

            refreshToken.Revoke("revoked by the app (POST /oauth/revoke)", clock.Now(clientId));
            return "refresh token and its access tokens revoked";
        }

        if (_accessTokens.TryGetValue(token, out var accessToken))
        {
            if (!string.Equals(accessToken.ClientId, clientId, StringComparison.Ordinal))
            {
                return "token of another client ignored";
            }

            accessToken.Revoke();
            return "access token revoked";
        }

        return "unknown token ignored";
    }

    /// <summary>The customer removes the app: every token of the client (in one account, or all) is revoked.</summary>
    public int RemoveApp(string clientId, string? accountId)
    {
        bool Matches(string tokenClient, string tokenAccount) =>
            string.Equals(tokenClient, clientId, StringComparison.Ordinal)
            && (accountId is null || string.Equals(tokenAccount, accountId, StringComparison.Ordinal));

        var revoked = 0;
        foreach (var refreshToken in _refreshTokens.Values.Where(t => Matches(t.ClientId, t.AccountId)))
        {
            refreshToken.Revoke("revoked when the customer removed the app", clock.Now(clientId));
            revoked++;
        }

        foreach (var accessToken in _accessTokens.Values.Where(t => Matches(t.ClientId, t.AccountId)))
        {
            accessToken.Revoke();
        }

        return revoked;
    }

    /// <summary>The app a refresh or access token or an authorization code this model issued belongs to; null for any other string.</summary>
    public string? OwnerOf(string token) =>
        _refreshTokens.TryGetValue(token, out var refreshToken) ? refreshToken.ClientId
        : _accessTokens.TryGetValue(token, out var accessToken) ? accessToken.ClientId
        : _codes.TryGetValue(token, out var code) ? code.ClientId
        : null;

    public IEnumerable<RefreshToken> RefreshTokens => _refreshTokens.Values;

    public IEnumerable<AccessToken> AccessTokens => _accessTokens.Values;

    /// <summary>This client's codes not yet exchanged.</summary>
    public IEnumerable<AuthorizationCode> PendingCodes(string clientId) =>
        _codes.Values.Where(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));

    /// <summary>
    /// Puts one refresh token in a situation an app's own tests want to meet: revoked, expired
    /// (inactive) or rate-limited. False when no such refresh token was issued.
    /// </summary>
    public bool ApplySituation(string refreshToken, RefreshTokenSituation situation)
    {
        if (!_refreshTokens.TryGetValue(refreshToken, out var token))
        {
            return false;
        }

        switch (situation)
        {
            case RefreshTokenSituation.Revoked:
                token.Revoke("revoked through the control API (a situation the app's tests created)", clock.Now(token.ClientId));
                break;
            case RefreshTokenSituation.Expired:
                token.Expire();
                break;
            case RefreshTokenSituation.RateLimited:
                token.ExhaustRateLimit(clock.Now(token.ClientId));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, null);
        }

        return true;
    }

    public AccessToken? FindAccessToken(string value) => _accessTokens.TryGetValue(value, out var t) ? t : null;

    public AccessTokenState Check(string value, out AccessToken? token)
    {
        token = FindAccessToken(value);
        return token is null ? AccessTokenState.Unknown : token.StateAt(clock.Now(token.ClientId));
    }

    private AccessToken IssueAccessToken(RefreshToken refreshToken, DateTimeOffset now)
    {
        var claims = new AccessTokenClaims(refreshToken.ClientId, refreshToken.AccountId, refreshToken.Scope, now, now + options.AccessTokenLifetime);
        var accessToken = new AccessToken(
            accessTokenShape.Create(claims), refreshToken.ClientId, refreshToken.AccountId, refreshToken.Scope, now, options.AccessTokenLifetime);
        _accessTokens[accessToken.Value] = accessToken;
        NoteIssued();
        return accessToken;
    }
}

/// <summary>What came of a code exchange.</summary>
internal sealed record CodeExchange(CodeRedemption Redemption, AccessToken? AccessToken, RefreshToken? RefreshToken);
