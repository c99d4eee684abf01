using System.Text;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>Puts an app's credentials on a request in a given <see cref="ClientCredentialStyle"/>.</summary>
public static class ClientCredentials
{
    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>The Authorization header value for the style, or null when the style sends none.</summary>
    public static string? AuthorizationHeader(AppRegistration app, ClientCredentialStyle style) => style switch
    {
        ClientCredentialStyle.BasicHeader => "Basic " + Base64($"{app.ClientId}:{app.ClientSecret}"),
        ClientCredentialStyle.NoHeader or ClientCredentialStyle.InFormBody => null,
        ClientCredentialStyle.NotBase64Encoded => $"Basic {app.ClientId}:{app.ClientSecret}",
        ClientCredentialStyle.WithoutColon => "Basic " + Base64(app.ClientId + app.ClientSecret),
        ClientCredentialStyle.WrongPrefix => "Bearer " + Base64($"{app.ClientId}:{app.ClientSecret}"),
        ClientCredentialStyle.BytesLiteral => $"Basic b'{Base64($"{app.ClientId}:{app.ClientSecret}")}'",
        ClientCredentialStyle.UnknownClientId => "Basic " + Base64($"{UnknownClientId}:{app.ClientSecret}"),
        ClientCredentialStyle.WrongSecret => "Basic " + Base64($"{app.ClientId}:{app.ClientSecret}x"),
        ClientCredentialStyle.NoScheme => Base64($"{app.ClientId}:{app.ClientSecret}"),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    /// <summary>Form fields the style adds to the body (only <see cref="ClientCredentialStyle.InFormBody"/> adds any).</summary>
    public static IEnumerable<KeyValuePair<string, string>> BodyFields(AppRegistration app, ClientCredentialStyle style) =>
        style == ClientCredentialStyle.InFormBody
            ? [new("client_id", app.ClientId), new("client_secret", app.ClientSecret)]
            : [];

    /// <summary>A client id no target issued: well-formed, never registered.</summary>
    public const string UnknownClientId = "unregistered-conformance-client";
}
