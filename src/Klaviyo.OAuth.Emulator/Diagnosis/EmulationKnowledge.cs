using Klaviyo.OAuth.Emulator.Model;
using Klaviyo.OAuth.Guide.Diagnosis;

namespace Klaviyo.OAuth.Emulator.Diagnosis;

/// <summary>
/// The emulator's model as the diagnosis engine asks for it: an adapter, so that the model knows
/// nothing of diagnoses and the engine nothing of the model.
/// </summary>
internal sealed class EmulationKnowledge(Emulation emulation) : IServerKnowledge
{
    public TimeSpan RefreshTokenInactivityLimit => emulation.Options.RefreshTokenInactivityLimit;

    public IEnumerable<IssuedToken> RefreshTokens => emulation.Tokens.RefreshTokens.Select(t =>
    {
        var (lastUsedAt, revokedAt, because) = t.History;
        return new IssuedToken(t.Value, t.ClientId, t.IssuedAt, lastUsedAt, revokedAt, because);
    });

    public IEnumerable<IssuedToken> AccessTokens => emulation.Tokens.AccessTokens.Select(Issued);

    public DateTimeOffset Now(string? clientId) => emulation.Clock.Now(clientId);

    // In proxy mode the apps are the upstream's: one this emulator never registered is not thereby unknown.
    public ClientStanding CheckClient(string clientId, string secret) =>
        emulation.Clients.Find(clientId) is null ? (emulation.Options.UpstreamApiUrl is null ? ClientStanding.UnknownClient : ClientStanding.Authenticated)
        : emulation.Clients.Authenticate(clientId, secret).Client is null ? ClientStanding.WrongSecret
        : ClientStanding.Authenticated;

    public IssuedToken? FindAccessToken(string value) => emulation.Tokens.FindAccessToken(value) is { } token ? Issued(token) : null;

    public IEnumerable<IssuedAuthorization> Authorizations(string clientId) =>
        emulation.Tokens.PendingCodes(clientId).Select(c => new IssuedAuthorization(c.ClientId, c.Value, c.CodeChallenge, c.ExpiresAt - emulation.Options.AuthorizationCodeLifetime));

    public SignedInUser? UserOfSession(string cookieValue) =>
        emulation.Accounts.UserOfSession(cookieValue) is { } user
            ? new SignedInUser(user.Role, emulation.Accounts.FindAccount(user.AccountId)?.Allowlisted ?? false)
            : null;

    private static IssuedToken Issued(AccessToken token) =>
        new(token.Value, token.ClientId, token.IssuedAt, ExpiresAt: token.ExpiresAt, RevokedBecause: token.IsRevoked ? "revoked" : null);
}
