using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The tips' scenarios: a captured request, what the server remembers (when the scenario says),
/// and the diagnosis the guide's engine gives. No target is involved: a diagnosis is about the
/// app's request, not about the server.
/// </summary>
public sealed class DiagnosisDriver
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private ServerRecords? server;

    public Diagnosis? Result { get; private set; }

    private ServerRecords Server => server ??= new ServerRecords { Clock = Now };

    public void KnowsClient(string clientId, string secret) => Server.Clients[clientId] = secret;

    public void IssuedRefreshToken(string token, string clientId, int daysAgo, int lastUsedDaysAgo) =>
        Server.IssuedRefreshTokens.Add(new IssuedToken(token, clientId, Now.AddDays(-daysAgo), Now.AddDays(-lastUsedDaysAgo)));

    public void RevokedRefreshToken(string token, string because) =>
        Replace(Server.IssuedRefreshTokens, token, t => t with { RevokedAt = Now.AddDays(-1), RevokedBecause = because });

    public void IssuedAccessToken(string token, string clientId, int expiresInMinutes, bool revoked) =>
        Server.IssuedAccessTokens.Add(new IssuedToken(token, clientId, Now.AddMinutes(expiresInMinutes - 60), ExpiresAt: Now.AddMinutes(expiresInMinutes), RevokedBecause: revoked ? "revoked by the app" : null));

    public void PendingAuthorization(string clientId, string code, string challenge, int minutesAgo) =>
        Server.PendingAuthorizations.Add(new IssuedAuthorization(clientId, code, challenge, Now.AddMinutes(-minutesAgo)));

    public void Session(string cookie, string role, bool allowlisted) =>
        Server.Sessions[cookie] = new SignedInUser(UserRoles.Parse(role), allowlisted);

    public void Diagnose(string capture)
    {
        var exchanges = TrafficReader.Parse(capture, "the scenario's request");
        Result = new Diagnostician(server).DiagnoseAll(exchanges).Single();
    }

    /// <summary>The first finding: the one whose answer Klaviyo gives (later ones are further fixes).</summary>
    public Finding LeadingFinding() =>
        Diagnosed.Findings.Count > 0 ? Diagnosed.Findings[0] : throw new InvalidOperationException("The diagnosis found nothing wrong.");

    public Diagnosis Diagnosed => Result ?? throw new InvalidOperationException("No request was diagnosed: add 'When this request is diagnosed:'.");

    private static void Replace(List<IssuedToken> tokens, string value, Func<IssuedToken, IssuedToken> change)
    {
        var index = tokens.FindIndex(t => t.Value == value);
        tokens[index] = change(tokens[index]);
    }
}
