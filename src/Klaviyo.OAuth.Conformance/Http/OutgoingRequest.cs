namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>
/// A request exactly as it goes on the wire: raw header values and a raw body, so that the suite can
/// send every malformation the guide describes (a bytes literal in the Basic header, JSON where a form
/// is expected) without an HTTP library "fixing" it.
/// </summary>
public sealed record OutgoingRequest(HttpMethod Method, Uri Url)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public OutgoingRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public OutgoingRequest WithBody(string body, string contentType) => this with { Body = body, ContentType = contentType };

    public string? HeaderValue(string name) =>
        Headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
