using System.Text;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Client authentication, strictly from <c>Authorization: Basic base64(id:secret)</c>, with a
/// reason for every way it goes wrong (the variants Klaviyo's guide lists under invalid_client).
/// </summary>
internal static class ClientAuthentication
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses the Authorization header(s) into id and secret, or says why not.</summary>
    public static BasicCredentials Parse(IReadOnlyList<string> authorizationHeaders)
    {
        if (authorizationHeaders.Count == 0)
        {
            return BasicCredentials.Failed("no Authorization header");
        }

        if (authorizationHeaders.Count > 1)
        {
            return BasicCredentials.Failed("more than one Authorization header");
        }

        var header = authorizationHeaders[0].Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return BasicCredentials.Failed("scheme is not Basic");
        }

        var encoded = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        if (encoded.StartsWith("b'", StringComparison.Ordinal) || encoded.StartsWith("b\"", StringComparison.Ordinal))
        {
            return BasicCredentials.Failed("credentials are a bytes literal (b'...'), not a string");
        }

        if (encoded.Length == 0 || encoded.Any(char.IsWhiteSpace))
        {
            return BasicCredentials.Failed("credentials are not base64 encoded");
        }

        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return BasicCredentials.Failed("credentials are not base64 encoded");
        }

        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return BasicCredentials.Failed("decoded credentials are not UTF-8");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return BasicCredentials.Failed("decoded credentials have no ':' between id and secret");
        }

        return new BasicCredentials(decoded[..colon], decoded[(colon + 1)..], null);
    }
}

/// <summary>Client id and secret from a Basic header, or the reason they could not be read.</summary>
internal sealed record BasicCredentials(string? ClientId, string? Secret, string? Failure)
{
    public bool IsParsed => Failure is null;

    public static BasicCredentials Failed(string reason) => new(null, null, reason);
}
