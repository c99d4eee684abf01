using System.Net;
using System.Net.Http.Headers;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// A request as the endpoints see it, independent of WireMock: raw bytes and raw header values,
/// so that every malformed variant reaches the model's own checks.
/// </summary>
internal sealed class EmulatorRequest(
    string method,
    string path,
    string rawQuery,
    IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> headers,
    byte[] body,
    IPAddress? remoteAddress = null)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _headers = new(headers, StringComparer.OrdinalIgnoreCase);

    public string Method { get; } = method.ToUpperInvariant();

    public string Path { get; } = path;

    /// <summary>The query string without the leading '?'.</summary>
    public string RawQuery { get; } = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;

    public byte[] Body { get; } = body;

    /// <summary>Where the request came from (the TCP peer); null when not known.</summary>
    public IPAddress? RemoteAddress { get; } = remoteAddress;

    /// <summary>Every header as received, repeated values kept.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers => _headers;

    /// <summary>All values of a header (several if it was repeated).</summary>
    public IReadOnlyList<string> HeaderValues(string name) => _headers.TryGetValue(name, out var v) ? v : [];

    /// <summary>The header's value if it was sent exactly once.</summary>
    public string? Header(string name) => HeaderValues(name) is [var single] ? single : null;

    /// <summary>
    /// The token of the one Authorization header, as Klaviyo's API reads it: after exactly
    /// <c>"Bearer "</c>; null for no header, several, or another scheme.
    /// </summary>
    public string? BearerToken => Header("Authorization") is { } header && header.StartsWith(BearerPrefix, StringComparison.Ordinal) ? header[BearerPrefix.Length..] : null;

    private const string BearerPrefix = "Bearer ";

    /// <summary>The media type of the body, lower case, without parameters; null when absent or unparseable.</summary>
    public string? MediaType =>
        MediaTypeHeaderValue.TryParse(Header("Content-Type"), out var contentType) ? contentType.MediaType?.ToLowerInvariant() : null;

    public bool IsFormUrlEncoded => MediaType == "application/x-www-form-urlencoded";

    /// <summary>A cookie's value from the Cookie header(s).</summary>
    public string? Cookie(string name)
    {
        foreach (var header in HeaderValues("Cookie"))
        {
            foreach (var pair in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                if (separator > 0 && string.Equals(pair[..separator].Trim(), name, StringComparison.Ordinal))
                {
                    return pair[(separator + 1)..].Trim();
                }
            }
        }

        return null;
    }
}
