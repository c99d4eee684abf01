using System.Text;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Protocol;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Tests.Diagnosis;

/// <summary>A server's memory for the examples: one client, its tokens, one pending authorization, two sessions.</summary>
internal static class DiagnosisExamples
{
    public const string ClientId = "app1client";
    public const string Secret = "s3cret-value-123456";
    public const string RefreshToken = "klr_RefreshTokenOfTheAppNumberOne0123456789";
    public const string RevokedRefreshToken = "klr_RevokedTokenOfTheAppNumberOne012345678";
    public const string IdleRefreshToken = "klr_IdleTokenOfTheAppNumberOne01234567890ab";
    public const string AccessToken = "kla_AccessTokenOfTheAppNumberOne0123456789abcd";
    public const string ExpiredAccessToken = "kla_ExpiredTokenOfTheAppNumberOne012345678abc";
    public const string Code = "code-pending-1";
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    public const string OtherVerifier = "otherVerifierOfAnEarlierAuthorization-0123456";

    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    public static string GoodBasic => Basic(ClientId + ":" + Secret);

    public static ServerRecords Server()
    {
        var server = new ServerRecords { Clock = Now };
        server.Clients[ClientId] = Secret;
        server.IssuedRefreshTokens.Add(new IssuedToken(RefreshToken, ClientId, Now.AddDays(-3), Now.AddHours(-1)));
        server.IssuedRefreshTokens.Add(new IssuedToken(RevokedRefreshToken, ClientId, Now.AddDays(-3), RevokedAt: Now.AddDays(-1), RevokedBecause: "revoked when the customer removed the app"));
        server.IssuedRefreshTokens.Add(new IssuedToken(IdleRefreshToken, ClientId, Now.AddDays(-200), Now.AddDays(-91)));
        server.IssuedAccessTokens.Add(new IssuedToken(AccessToken, ClientId, Now.AddMinutes(-5), ExpiresAt: Now.AddMinutes(55)));
        server.IssuedAccessTokens.Add(new IssuedToken(ExpiredAccessToken, ClientId, Now.AddHours(-2), ExpiresAt: Now.AddHours(-1)));
        server.PendingAuthorizations.Add(new IssuedAuthorization(ClientId, Code, Challenge, Now.AddMinutes(-1)));
        server.PendingAuthorizations.Add(new IssuedAuthorization(ClientId, "code-older", Pkce.ChallengeFor(OtherVerifier), Now.AddMinutes(-9)));
        server.Sessions["analyst-session"] = new SignedInUser(UserRole.Analyst, AccountAllowlisted: true);
        server.Sessions["owner-not-allowlisted"] = new SignedInUser(UserRole.Owner, AccountAllowlisted: false);
        return server;
    }

    public static RecordedExchange Curl(string command) => CurlCommandReader.Read(command).Single();

    public static RecordedExchange Token(string body, string? authorization = null, string contentType = "application/x-www-form-urlencoded", string host = "a.klaviyo.com") =>
        Exchange("POST", $"https://{host}/oauth/token", body, contentType, authorization ?? GoodBasic);

    public static RecordedExchange Exchange(string method, string url, string body, string? contentType, params string[] authorization)
    {
        var headers = authorization.Select(a => KeyValuePair.Create("Authorization", a)).ToList();
        if (contentType is not null)
        {
            headers.Add(KeyValuePair.Create("Content-Type", contentType));
        }

        return new RecordedExchange(null, method, new Uri(url), new RecordedHeaders(headers), Encoding.UTF8.GetBytes(body));
    }

    public static RecordedExchange WithResponse(this RecordedExchange exchange, int status, string json, params (string Name, string Value)[] headers) =>
        exchange with
        {
            Response = new RecordedResponse(
                status,
                new RecordedHeaders(headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).Append(KeyValuePair.Create("Content-Type", json.StartsWith('<') ? "text/html" : "application/json"))),
                Encoding.UTF8.GetBytes(json)),
        };
}
