using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>The authorize URL an app sends its user to: code flow, S256 PKCE, a state, the scopes it asks for.</summary>
public sealed record AuthorizationRequest(Uri WebBaseUrl, string ClientId, string RedirectUri, string Scope, string State, string CodeChallenge)
{
    public const string Path = "oauth/authorize";

    public FormBody Parameters => FormBody.Of(
        ("response_type", "code"),
        ("client_id", ClientId),
        ("redirect_uri", RedirectUri),
        ("scope", Scope),
        ("state", State),
        ("code_challenge_method", "S256"),
        ("code_challenge", CodeChallenge));

    public Uri Url => new(new Uri(WebBaseUrl, Path) + "?" + Parameters.Encode());
}
