namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// Forgetting what no behaviour needs any more, so a long-running emulator stays flat: codes,
/// access tokens and refresh tokens that stopped working more than
/// <see cref="EmulatorOptions.ForgetAfter"/> ago (each by the clock of its own client).
/// </summary>
internal sealed partial class TokenRegistry
{
    /// <summary>Issues between sweeps: a sweep walks every live token, so it runs rarely enough to cost nothing per request.</summary>
    internal const int SweepEvery = 4096;

    private int _issuedSinceSweep;
    private int _sweeping;

    /// <summary>How many codes, refresh tokens and access tokens the model holds now.</summary>
    internal (int Codes, int RefreshTokens, int AccessTokens) Held => (_codes.Count, _refreshTokens.Count, _accessTokens.Count);

    /// <summary>Forgets every code and token that stopped working more than the grace period ago.</summary>
    internal void ForgetStale()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            var grace = options.ForgetAfter;
            foreach (var (value, code) in _codes)
            {
                if (clock.Now(code.ClientId) - code.ExpiresAt > grace)
                {
                    _codes.TryRemove(value, out _);
                }
            }

            foreach (var (value, token) in _accessTokens)
            {
                if (token.IsForgettable(clock.Now(token.ClientId), grace))
                {
                    _accessTokens.TryRemove(value, out _);
                }
            }

            foreach (var (value, token) in _refreshTokens)
            {
                if (token.IsForgettable(clock.Now(token.ClientId), grace))
                {
                    _refreshTokens.TryRemove(value, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private void NoteIssued()
    {
        if (Interlocked.Increment(ref _issuedSinceSweep) % SweepEvery == 0)
        {
            ForgetStale();
        }
    }
}
