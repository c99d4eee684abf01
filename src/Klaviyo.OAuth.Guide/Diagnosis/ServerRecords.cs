namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// Server knowledge written down: clients, tokens, authorizations and sessions as plain data.
/// For diagnosing a capture together with what a server said it holds, and for the tips'
/// scenarios and tests, which need a server's memory without a server.
/// </summary>
public sealed class ServerRecords : IServerKnowledge
{
    public DateTimeOffset Clock { get; set; } = DateTimeOffset.UtcNow;

    public TimeSpan RefreshTokenInactivityLimit { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Client id → secret.</summary>
    public Dictionary<string, string> Clients { get; } = new(StringComparer.Ordinal);

    public List<IssuedToken> IssuedRefreshTokens { get; } = [];

    public List<IssuedToken> IssuedAccessTokens { get; } = [];

    public List<IssuedAuthorization> PendingAuthorizations { get; } = [];

    /// <summary>Session cookie value → user.</summary>
    public Dictionary<string, SignedInUser> Sessions { get; } = new(StringComparer.Ordinal);

    public IEnumerable<IssuedToken> RefreshTokens => IssuedRefreshTokens;

    public IEnumerable<IssuedToken> AccessTokens => IssuedAccessTokens;

    public DateTimeOffset Now(string? clientId) => Clock;

    public ClientStanding CheckClient(string clientId, string secret) =>
        !Clients.TryGetValue(clientId, out var known) ? ClientStanding.UnknownClient
        : string.Equals(known, secret, StringComparison.Ordinal) ? ClientStanding.Authenticated
        : ClientStanding.WrongSecret;

    public IssuedToken? FindAccessToken(string value) => IssuedAccessTokens.FirstOrDefault(t => t.Value == value);

    public IEnumerable<IssuedAuthorization> Authorizations(string clientId) => PendingAuthorizations.Where(a => a.ClientId == clientId);

    public SignedInUser? UserOfSession(string cookieValue) => Sessions.GetValueOrDefault(cookieValue);
}
