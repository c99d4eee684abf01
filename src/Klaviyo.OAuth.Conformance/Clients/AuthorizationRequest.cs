using System.Security.Cryptography;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Conformance.Clients;

/// <summary>
/// The authorize URL an app sends its user to: code flow, S256 PKCE, a state, the scopes it asks
/// for; and the verifier the app keeps for the code exchange (never part of the URL).
/// </summary>
public sealed record AuthorizationRequest(Uri WebBaseUrl, string ClientId, string RedirectUri, string Scope, string State, string CodeChallenge, string CodeVerifier)
{
    public const string Path = "oauth/authorize";

    /// <summary>
    /// A new request for <paramref name="app"/>: a fresh verifier unless one is given, its S256 hash as
    /// the challenge unless a challenge is given on purpose, and a fresh state unless one is given.
    /// </summary>
    public static AuthorizationRequest For(Uri webBaseUrl, AppRegistration app, string? codeVerifier = null, string? codeChallenge = null, string? state = null, string scope = ReferenceClient.Scope)
    {
        ArgumentNullException.ThrowIfNull(app);
        var verifier = codeVerifier ?? Pkce.GenerateVerifier();
        return new AuthorizationRequest(
            webBaseUrl, app.ClientId, app.RequiredRedirectUri, scope, state ?? RandomNumberGenerator.GetHexString(24, lowercase: true), codeChallenge ?? Pkce.ChallengeFor(verifier), verifier);
    }

    /// <summary>S256, the only method Klaviyo accepts; another only to send a request the guide warns of.</summary>
    public string CodeChallengeMethod { get; init; } = Pkce.S256;

    public FormBody Parameters => FormBody.Of(
        ("response_type", "code"),
        ("client_id", ClientId),
        ("redirect_uri", RedirectUri),
        ("scope", Scope),
        ("state", State),
        ("code_challenge_method", CodeChallengeMethod),
        ("code_challenge", CodeChallenge));

    public Uri Url => new(new Uri(WebBaseUrl, Path) + "?" + Parameters.Encode());

    /// <summary>Whether a redirect answers this request: it carries the state sent.</summary>
    public bool IsAnsweredBy(AuthorizationResponse response) => response is not null && response.State == State;

    // The verifier is the app's secret: never in a log line or a failure message.
    public override string ToString() => Url.AbsoluteUri;
}
