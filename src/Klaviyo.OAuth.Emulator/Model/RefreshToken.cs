namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// A long-lived, reusable (not rotated) refresh token. All state changes happen under one lock
/// per token, so concurrent refreshes never exceed the rate limit and a revoke racing a refresh
/// either comes first (the refresh is refused) or second (it also revokes the new access token).
/// </summary>
internal sealed partial class RefreshToken
{
    private readonly Lock _gate = new();
    private readonly List<AccessToken> _issued = [];
    private readonly RefreshRateLimiter _limiter;
    private readonly TimeSpan _inactivityLimit;
    private readonly TimeSpan _forgetAfter;
    private DateTimeOffset _lastUsedAt;
    private bool _revoked;
    private DateTimeOffset? _revokedSeenAt;
    private int _pruneAt = MinimumPruneCount;
    private DateTimeOffset? _revokedAt;
    private string? _revokedBecause;
    private bool _expired;

    public RefreshToken(string value, string clientId, string accountId, string scope, DateTimeOffset issuedAt, EmulatorOptions options)
    {
        Value = value;
        ClientId = clientId;
        AccountId = accountId;
        Scope = scope;
        IssuedAt = issuedAt;
        _lastUsedAt = issuedAt;
        _inactivityLimit = options.RefreshTokenInactivityLimit;
        _forgetAfter = options.ForgetAfter;
        _limiter = new RefreshRateLimiter(options.RefreshRateLimit, options.RefreshRateWindow);
    }

    public string Value { get; }

    public string ClientId { get; }

    public string AccountId { get; }

    public string Scope { get; }

    public DateTimeOffset IssuedAt { get; }

    /// <summary>The last use (or the issue), when revoked and why: what a diagnosis of a refused refresh cites.</summary>
    public (DateTimeOffset LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBecause) History
    {
        get
        {
            lock (_gate)
            {
                return (_lastUsedAt, _revokedAt, _revokedBecause);
            }
        }
    }

    public bool IsRevoked
    {
        get
        {
            lock (_gate)
            {
                return _revoked;
            }
        }
    }

    /// <summary>Records an access token issued alongside this refresh token (the code exchange).</summary>
    public void Attach(AccessToken accessToken)
    {
        lock (_gate)
        {
            _issued.Add(accessToken);
            if (_revoked)
            {
                accessToken.Revoke();
            }
        }
    }

    /// <summary>
    /// Uses the token at <paramref name="now"/>: checks revocation, inactivity (more than the limit
    /// since the last use; exactly the limit still works) and the rate limit, then issues an access
    /// token via <paramref name="issue"/> and restarts the inactivity period.
    /// </summary>
    public RefreshOutcome Use(DateTimeOffset now, Func<AccessToken> issue)
    {
        lock (_gate)
        {
            if (_revoked)
            {
                return RefreshOutcome.Refused(RefreshRefusal.Revoked);
            }

            if (_expired || now - _lastUsedAt > _inactivityLimit)
            {
                return RefreshOutcome.Refused(RefreshRefusal.Inactive);
            }

            if (!_limiter.TryAcquire(now, out var retryAfter))
            {
                return RefreshOutcome.Refused(RefreshRefusal.RateLimited, retryAfter);
            }

            _lastUsedAt = now;
            var accessToken = issue();
            _issued.Add(accessToken);
            ForgetStaleAccessTokens(now);
            return RefreshOutcome.Granted(accessToken);
        }
    }

    /// <summary>Makes the token inactive now, as if unused for longer than the limit (a situation an app's tests create).</summary>
    public void Expire()
    {
        lock (_gate)
        {
            _expired = true;
        }
    }

    /// <summary>Uses up the token's rate limit at <paramref name="now"/>: refreshes are refused for a full window.</summary>
    public void ExhaustRateLimit(DateTimeOffset now)
    {
        lock (_gate)
        {
            _limiter.Exhaust(now);
        }
    }

    /// <summary>Revokes this token and every access token issued from it; <paramref name="because"/> says by whom.</summary>
    public void Revoke(string because, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_revoked)
            {
                _revokedAt = at;
                _revokedBecause = because;
            }

            _revoked = true;
            foreach (var accessToken in _issued)
            {
                accessToken.Revoke();
            }
        }
    }
}

internal sealed partial class RefreshToken
{
    private const int MinimumPruneCount = 64;

    /// <summary>
    /// Whether the model may forget this token at <paramref name="now"/>: revoked (as first noticed
    /// by a sweep) or inactive for longer than <paramref name="grace"/>. Until then it is still
    /// refused for its own reason ("has been revoked", "expired due to inactivity").
    /// </summary>
    public bool IsForgettable(DateTimeOffset now, TimeSpan grace)
    {
        lock (_gate)
        {
            if (_revoked)
            {
                _revokedSeenAt ??= now;
                return now - _revokedSeenAt.Value > grace;
            }

            return now - _lastUsedAt > _inactivityLimit + grace;
        }
    }

    // Called under _gate. Tokens are issued oldest first, so the forgettable ones are a prefix: it is
    // dropped at once, and the list holds no more than the registry does (each held token is a JWT of
    // half a kilobyte). Pruning the whole list when it has doubled is the net under a clock moved back.
    private void ForgetStaleAccessTokens(DateTimeOffset now)
    {
        var stale = 0;
        while (stale < _issued.Count && _issued[stale].IsForgettable(now, _forgetAfter))
        {
            stale++;
        }

        _issued.RemoveRange(0, stale);
        if (_issued.Count < _pruneAt)
        {
            return;
        }

        _issued.RemoveAll(token => token.IsForgettable(now, _forgetAfter));
        _pruneAt = Math.Max(MinimumPruneCount, _issued.Count * 2);
    }
}

internal enum RefreshRefusal
{
    None,
    NotFound,
    Revoked,
    Inactive,
    RateLimited,
}

/// <summary>What came of using a refresh token: a new access token, or why not.</summary>
internal sealed record RefreshOutcome(AccessToken? AccessToken, RefreshRefusal Refusal, TimeSpan RetryAfter)
{
    public static RefreshOutcome Granted(AccessToken accessToken) => new(accessToken, RefreshRefusal.None, TimeSpan.Zero);

    public static RefreshOutcome Refused(RefreshRefusal refusal, TimeSpan retryAfter = default) => new(null, refusal, retryAfter);
}
