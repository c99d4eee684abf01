using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Turns a request and its answer into a <see cref="JournalExchange"/> without secrets. Secret
/// values become <c>secret-</c> and 8 hex of an HMAC under a key made per emulator, so the same
/// token reads the same everywhere in one journal; the stand-in is a valid token68, so a Bearer
/// header keeps its verdict (one that was not a valid token gets a stand-in that is not either). PKCE keeps its proof: a verifier becomes 43
/// characters derived from the challenge it hashes to, and a challenge becomes the S256 hash of
/// what its verifier would become, so "the verifier matches the challenge" survives sanitizing.
/// </summary>
public sealed partial class JournalSanitizer
{
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "client_secret", "access_token", "refresh_token", "code", "token", "password", "id_token",
    };

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A secret's stand-in: equal secrets give equal stand-ins, nothing leads back.</summary>
    public string Fingerprint(string secret) => "secret-" + Convert.ToHexStringLower(Mac("secret", secret))[..8];

    internal JournalExchange Sanitize(Uri baseUrl, EmulatorRequest request, EmulatorResponse response)
    {
        var url = new Uri(baseUrl, request.Path).GetLeftPart(UriPartial.Path);
        if (request.RawQuery.Length > 0)
        {
            url += "?" + SanitizeParameters(request.RawQuery);
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var value in request.HeaderValues("Authorization"))
        {
            headers.Add(new("Authorization", SanitizeAuthorization(value)));
        }

        foreach (var value in request.HeaderValues("Content-Type"))
        {
            headers.Add(new("Content-Type", value));
        }

        var body = request.IsFormUrlEncoded ? SanitizeParameters(Encoding.UTF8.GetString(request.Body)) : null;
        var responseHeaders = new List<KeyValuePair<string, string>>();
        if (response.ContentType is not null)
        {
            responseHeaders.Add(new("Content-Type", response.ContentType));
        }

        if (response.Headers.TryGetValue("Retry-After", out var retryAfter))
        {
            responseHeaders.Add(new("Retry-After", retryAfter));
        }

        return new JournalExchange(url, headers, body, responseHeaders, ErrorOnly(response));
    }

    // Only the error code of a refusal: its other fields may be tokens, and a success has none.
    private static string? ErrorOnly(EmulatorResponse response)
    {
        if (response.Status < 400 || response.ContentType != "application/json" || response.Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(response.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? JsonSerializer.Serialize(new { error = error.GetString() })
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string SanitizeParameters(string encoded)
    {
        var pairs = encoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? null : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            var sanitized = value is null ? null : SanitizeParameter(name, value);
            return Uri.EscapeDataString(name) + (sanitized is null ? string.Empty : "=" + Uri.EscapeDataString(sanitized));
        });
        return string.Join('&', pairs);
    }

    private string SanitizeParameter(string name, string value) => name switch
    {
        "code_verifier" => StandInVerifier(value),
        "code_challenge" => Pkce.ChallengeFor(Derived(value)),
        _ when SecretNames.Contains(name) => Fingerprint(value),
        _ => value,
    };

    // A verifier of the guide's pattern becomes the one derived from the challenge it hashes to;
    // any other keeps its length and fails the pattern as the original did.
    private string StandInVerifier(string verifier) =>
        Pkce.IsWellFormedVerifier(verifier) ? Derived(Pkce.ChallengeFor(verifier)) : "#" + new string('x', Math.Max(0, verifier.Length - 1));

    private string Derived(string challenge) => Base64Url.EncodeToString(Mac("verifier", challenge));

    private string SanitizeAuthorization(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return Fingerprint(header);
        }

        var scheme = header[..space];
        var credentials = header[(space + 1)..];
        var trimmed = credentials.Trim();
        var leading = credentials[..(credentials.Length - credentials.TrimStart().Length)];
        var trailing = credentials[credentials.TrimEnd().Length..];
        var standIn = scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? SanitizeBasic(trimmed)
            : Token68().IsMatch(trimmed) ? Fingerprint(trimmed) : Fingerprint(trimmed) + "#";
        return scheme + " " + leading + standIn + trailing;
    }

    // Keeps what the rules read of Basic credentials: a bytes literal, base64 or not, id:secret or not.
    private string SanitizeBasic(string credentials)
    {
        if (credentials.StartsWith("b'", StringComparison.Ordinal) || credentials.StartsWith("b\"", StringComparison.Ordinal))
        {
            return "b'" + Fingerprint(credentials) + "'";
        }

        if (!Base64().IsMatch(credentials))
        {
            return Fingerprint(credentials) + "#";
        }

        try
        {
            var decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(credentials));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            var standIn = colon < 0 ? Fingerprint(decoded) : decoded[..colon] + ":" + Fingerprint(decoded[(colon + 1)..]);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(standIn));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Fingerprint(credentials) + "#";
        }
    }

    private byte[] Mac(string purpose, string value) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value));

    [GeneratedRegex("^[A-Za-z0-9\\-._~+/]+=*$")]
    private static partial Regex Token68();

    [GeneratedRegex("^[A-Za-z0-9+/]*={0,2}$")]
    private static partial Regex Base64();
}
