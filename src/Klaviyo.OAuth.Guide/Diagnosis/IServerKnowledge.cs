namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// What a server knows that a request alone does not show: the clients it issued, the tokens
/// and their history, the challenges of pending authorizations, who is signed in. The emulator
/// gives it from its model; a capture diagnosed offline has none.
/// </summary>
public interface IServerKnowledge
{
    /// <summary>"Now" as the server sees it for this client.</summary>
    DateTimeOffset Now(string? clientId);

    /// <summary>How long a refresh token may go unused (90 days at Klaviyo).</summary>
    TimeSpan RefreshTokenInactivityLimit { get; }

    ClientStanding CheckClient(string clientId, string secret);

    /// <summary>Every refresh token the server holds (all clients).</summary>
    IEnumerable<IssuedToken> RefreshTokens { get; }

    /// <summary>The access token with this exact value, or null.</summary>
    IssuedToken? FindAccessToken(string value);

    /// <summary>Every access token the server holds, for finding one a request truncated.</summary>
    IEnumerable<IssuedToken> AccessTokens { get; }

    /// <summary>Authorizations of this client whose code has not been exchanged yet.</summary>
    IEnumerable<IssuedAuthorization> Authorizations(string clientId);

    /// <summary>The user of a web session cookie value, or null.</summary>
    SignedInUser? UserOfSession(string cookieValue);
}

public enum ClientStanding
{
    Authenticated,
    UnknownClient,
    WrongSecret,
}

/// <summary>A refresh or access token as the server remembers it.</summary>
/// <param name="RevokedBecause">Why it was revoked ("revoked by the app", "the customer removed the app"), or null.</param>
/// <param name="UsableAgainAt">When a rate-limited refresh token may be used again, or null.</param>
public sealed record IssuedToken(
    string Value,
    string ClientId,
    DateTimeOffset IssuedAt,
    DateTimeOffset? LastUsedAt = null,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBecause = null,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? UsableAgainAt = null)
{
    public bool IsRevoked => RevokedAt is not null || RevokedBecause is not null;
}

/// <summary>An authorization whose code is waiting to be exchanged, with the challenge the app sent.</summary>
public sealed record IssuedAuthorization(string ClientId, string Code, string CodeChallenge, DateTimeOffset IssuedAt);

/// <summary>Who is signed in on the web host.</summary>
public sealed record SignedInUser(UserRole Role, bool AccountAllowlisted);
