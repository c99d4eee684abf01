using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>A token set the suite obtained through the assisted sign-in: it belongs to the run, which may use it up.</summary>
public sealed record SignedInTokens(string? AccessToken, string RefreshToken);

/// <summary>
/// The token sets of the assisted sign-in: every one issued is revoked when the run ends; one not yet
/// handed to a destructive scenario can serve one (fewer approvals). Whether they share an account
/// with the configured tokens is learned once.
/// </summary>
public sealed class ThrowawayTokens
{
    private readonly Lock _gate = new();
    private readonly List<SignedInTokens> _issued = [];
    private readonly Queue<SignedInTokens> _unused = new();

    /// <summary>Null until compared; true when the sign-in's tokens belong to the configured tokens' account (then revoking them could disconnect the user's app).</summary>
    public bool? SameAccountAsConfigured { get; set; }

    public int IssuedCount
    {
        get
        {
            lock (_gate)
            {
                return _issued.Count;
            }
        }
    }

    /// <summary>Records a set the target issued for a sign-in's code; <paramref name="unused"/> when no scenario will spend it.</summary>
    public void Issued(SignedInTokens tokens, bool unused)
    {
        lock (_gate)
        {
            _issued.Add(tokens);
            if (unused)
            {
                _unused.Enqueue(tokens);
            }
        }
    }

    /// <summary>A set no scenario has used destructively yet, or null.</summary>
    public SignedInTokens? TakeUnused()
    {
        lock (_gate)
        {
            return _unused.TryDequeue(out var tokens) ? tokens : null;
        }
    }

    /// <summary>Revokes every set (refresh token, then access token) at /oauth/revoke; returns how many sets the target accepted the revocation of.</summary>
    public async Task<int> RevokeAllAsync(TargetHttpClient http, Uri apiBaseUrl, AppRegistration app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        List<SignedInTokens> sets;
        lock (_gate)
        {
            sets = [.. _issued];
        }

        // Revocation goes to the API host only: the client needs no web host here.
        var client = new ReferenceClient(app, apiBaseUrl, apiBaseUrl, http);
        var revoked = 0;
        foreach (var set in sets)
        {
            var accepted = await RevokeAsync(client, set.RefreshToken, "refresh_token", cancellationToken);
            if (set.AccessToken is not null)
            {
                accepted &= await RevokeAsync(client, set.AccessToken, "access_token", cancellationToken);
            }

            revoked += accepted ? 1 : 0;
        }

        return revoked;
    }

    private static async Task<bool> RevokeAsync(ReferenceClient client, string token, string hint, CancellationToken cancellationToken)
    {
        try
        {
            var exchange = await client.RevokeAsync(token, hint, cancellationToken: cancellationToken);
            return exchange.Status == 200;
        }
        catch (TargetUnreachableException)
        {
            return false;
        }
    }
}
