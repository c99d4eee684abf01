using System.Globalization;
using System.Text;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// The guide's five "Invalid client" tips, read off the Authorization header of a token or
/// revoke request: the same checks, in the same order, as the server makes.
/// </summary>
internal static class ClientCredentialsCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Run(DiagnosisContext context, FormFields? body)
    {
        var headers = context.Exchange.RequestHeaders.GetValues("Authorization");
        var query = FormFields.Parse(context.Exchange.Url.Query);
        var inBody = body is not null && (body.Has("client_id") || body.Has("client_secret"));
        var inQuery = query.Has("client_id") || query.Has("client_secret");
        context.ClientId = body?["client_id"] ?? query["client_id"];
        var before = context.Findings.Count;

        if (headers.Count == 0)
        {
            if (inBody || inQuery)
            {
                context.Add(FindingIds.CredentialsInBody, $"client_id/client_secret are in the {(inBody ? "form body" : "query string")}; Klaviyo reads client credentials only from the Authorization header.");
            }
            else
            {
                context.Add(FindingIds.AuthorizationMissing, "The request has no Authorization header.");
            }
        }
        else if (headers.Count > 1)
        {
            context.Add(FindingIds.AuthorizationRepeated, string.Create(CultureInfo.InvariantCulture, $"The request has {headers.Count} Authorization headers; send exactly one."));
        }
        else
        {
            Header(context, headers[0].Trim());
        }

        if (context.Findings.Count == before && context.Response is { Status: 400 or 401 } && context.Said.Error == "invalid_client")
        {
            context.Add(FindingIds.CredentialsRefused, context.Server is null
                ? $"The header is well formed, yet the server answered {context.Response.Status} invalid_client: the client id {Named(context.ClientId)} or its secret is not the one issued. Copy both again from the app's settings."
                : "The server refused the credentials.");
        }
    }

    private static string Named(string? clientId) => clientId is null ? string.Empty : $"\"{SecretText.Visible(clientId)}\" ";

    private static void Header(DiagnosisContext context, string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var credentials = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        if (!string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (Decode(header) is { } whole && whole.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                context.Add(FindingIds.SchemeEncoded, "The whole value, the word Basic included, is base64 encoded; encode only id:secret and write the word Basic before it in clear.");
                return;
            }

            var shown = scheme.Length == 0 ? "missing" : scheme.Length > 12 ? $"missing (the header starts with {SecretText.Describe(scheme)})" : $"\"{SecretText.Visible(scheme)}\"";
            context.Add(FindingIds.SchemeNotBasic, $"The scheme is {shown}; it must be the word Basic.");
            return;
        }

        if (credentials.StartsWith("b'", StringComparison.Ordinal) || credentials.StartsWith("b\"", StringComparison.Ordinal))
        {
            // Inside the literal are the right base64 credentials: they still name the client.
            if (credentials.Length > 3 && Decode(credentials[2..^1]) is { } inner && inner.IndexOf(':', StringComparison.Ordinal) is > 0 and var innerColon)
            {
                context.ClientId = inner[..innerColon];
            }

            context.Add(FindingIds.BytesLiteral, $"The header reads Basic followed by {credentials[..2]}…{credentials[^1]}: a bytes literal printed as text. Decode the base64 bytes to a string (e.g. .decode() in Python) before concatenating.");
            return;
        }

        var decoded = Decode(credentials);
        if (decoded is null)
        {
            var raw = TryBase64(credentials);
            if (raw is not null)
            {
                context.Add(FindingIds.CredentialsNotUtf8, "The credentials are base64, but decode to bytes that are not UTF-8 text: encode the string id:secret as UTF-8 before base64.");
            }
            else if (credentials.Contains(':', StringComparison.Ordinal))
            {
                context.ClientId ??= credentials[..credentials.IndexOf(':', StringComparison.Ordinal)];
                context.Add(FindingIds.CredentialsInClear, $"The credentials are id:secret in clear ({SecretText.Describe(credentials)}); base64 encode them.");
            }
            else
            {
                context.Add(FindingIds.CredentialsNotBase64, $"The credentials {SecretText.Describe(credentials)} are not valid base64.");
            }

            return;
        }

        if (decoded.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            context.Add(FindingIds.SchemeEncoded, "The word Basic appears twice: once in clear and once inside the base64. Encode only id:secret.");
            return;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            context.Add(FindingIds.CredentialsNoColon, $"The credentials decode to {decoded.Length} characters with no ':'; encode client_id:client_secret, with the colon.");
            return;
        }

        var clientId = decoded[..colon];
        context.ClientId = clientId;
        if (context.Server is null)
        {
            if (context.Response is null)
            {
                context.CannotKnow($"whether client id \"{SecretText.Visible(clientId)}\" and its secret are the ones Klaviyo issued (only the server knows)");
            }

            return;
        }

        switch (context.Server.CheckClient(clientId, decoded[(colon + 1)..]))
        {
            case ClientStanding.UnknownClient:
                context.Add(FindingIds.ClientIdUnknown, $"The credentials decode, but client id \"{SecretText.Visible(clientId)}\" is not one the server issued.");
                break;
            case ClientStanding.WrongSecret:
                context.Add(FindingIds.SecretWrong, $"Client id \"{SecretText.Visible(clientId)}\" is known, but the secret ({decoded.Length - colon - 1} characters) is not its secret.");
                break;
        }
    }

    /// <summary>The base64 value decoded as strict UTF-8, or null when it is not both.</summary>
    private static string? Decode(string value)
    {
        var bytes = TryBase64(value);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static byte[]? TryBase64(string value)
    {
        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}
