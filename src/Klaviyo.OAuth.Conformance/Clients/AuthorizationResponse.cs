using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Conformance.Clients;

/// <summary>What the authorization endpoint sent the browser back to the app with: the redirect's query parameters.</summary>
public sealed class AuthorizationResponse
{
    private AuthorizationResponse(FormFields parameters) => Parameters = parameters;

    public static AuthorizationResponse None { get; } = new(FormFields.Empty);

    /// <summary>The parameters in order; a repeated one counts by its first value.</summary>
    public FormFields Parameters { get; }

    public string? Code => Parameters["code"] is { Length: > 0 } code ? code : null;

    public string? State => Parameters["state"];

    public string? Error => Parameters["error"];

    public string? ErrorDescription => Parameters["error_description"];

    /// <summary>The parameters of the URL the browser was sent to.</summary>
    public static AuthorizationResponse From(Uri redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        return new AuthorizationResponse(FormFields.Parse(redirect.Query));
    }

    /// <summary>The parameters of an answer's Location (<see cref="None"/> when it is not a redirect to an absolute URL).</summary>
    public static AuthorizationResponse Of(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.Header("Location") is { } location && Uri.TryCreate(location, UriKind.Absolute, out var uri) ? From(uri) : None;
    }

    // The code is a secret: never in a log line or a failure message.
    public override string ToString() => Code is null ? $"no code{(Error is null ? string.Empty : ", error=" + Error)}" : "a code (redacted)";
}
