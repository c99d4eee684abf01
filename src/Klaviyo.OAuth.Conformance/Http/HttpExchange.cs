using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>One request and the response it got: the evidence every assertion and report refers to.</summary>
public sealed class HttpExchange
{
    private const int RedactionMargin = 4096;

    private readonly Lazy<JsonElement?> _json;

    public HttpExchange(OutgoingRequest request, int status, string reasonPhrase, IReadOnlyList<KeyValuePair<string, string>> responseHeaders, string body)
    {
        Request = request;
        Status = status;
        ReasonPhrase = reasonPhrase;
        ResponseHeaders = responseHeaders;
        Body = body;
        _json = new Lazy<JsonElement?>(ParseJson);
    }

    public OutgoingRequest Request { get; }

    public int Status { get; }

    public string ReasonPhrase { get; }

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; }

    public string Body { get; }

    /// <summary>Set when the answer was longer than this many bytes: <see cref="Body"/> holds only that prefix.</summary>
    public int? BodyLimit { get; init; }

    public bool IsCut => BodyLimit is not null;

    /// <summary>How the body was shown when it could not be shown as sent (unknown charset, undecodable bytes).</summary>
    public string? BodyNote { get; init; }

    /// <summary>"answer larger than 1 MiB, cut", for a cut answer; otherwise null.</summary>
    public string? CutReason => BodyLimit is { } limit ? $"answer larger than {Size(limit)}, cut" : null;

    /// <summary>The media type of the response, without parameters (e.g. <c>application/json</c>), or empty.</summary>
    public string MediaType => (Header("Content-Type") ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The body as JSON, or null when it is not JSON (an HTML page, garbage, nothing).</summary>
    public JsonElement? Json => _json.Value;

    public string? Header(string name) =>
        ResponseHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>A string property of the JSON body, or null when absent or not JSON.</summary>
    public string? JsonString(string property) =>
        Json is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The exchange as a person should see it in a failure: request and response, secrets redacted, long bodies cut.</summary>
    public string Describe(SecretRedactor redactor, int maxBody = 1500)
    {
        var text = new StringBuilder();
        text.Append("Request:  ").Append(Request.Method).Append(' ').Append(Request.Url).AppendLine();
        foreach (var (name, value) in Request.Headers)
        {
            text.Append("  ").Append(name).Append(": ").Append(value).AppendLine();
        }

        if (Request.Body is { } requestBody)
        {
            text.Append("  Content-Type: ").Append(Request.ContentType).AppendLine();
            text.Append("  ").Append(redactor.RedactAndShorten(requestBody, maxBody)).AppendLine();
        }

        text.Append("Response: ").Append(Status).Append(' ').Append(ReasonPhrase).AppendLine();
        foreach (var (name, value) in ResponseHeaders.Where(h => Shown(h.Key)))
        {
            text.Append("  ").Append(name).Append(": ").Append(value).AppendLine();
        }

        if (CutReason is { } cut)
        {
            text.Append("  (").Append(cut).Append("; its beginning follows)").AppendLine();
        }

        if (BodyNote is { } note)
        {
            text.Append("  (").Append(note).Append(')').AppendLine();
        }

        // Only about what is shown is redacted: redacting a megabyte no one sees took seconds, and a
        // secret cut at the edge is still masked by its first or last characters.
        var shown = Body.Length > maxBody + RedactionMargin ? Body[..(maxBody + RedactionMargin)] : Body;
        text.Append("  ").Append(Body.Length == 0 ? "(empty body)" : redactor.RedactAndShorten(shown, maxBody));
        if (!ReferenceEquals(shown, Body))
        {
            text.Append(" (of ").Append(Body.Length).Append(" chars)");
        }

        // Escaped last: the target's bytes reach consoles and every report format as visible text.
        return VisibleText.Escape(redactor.Redact(text.ToString()));
    }

    /// <summary>
    /// The exchange in the shape every reader of traffic takes (diagnosis, grading, HAR): the request
    /// as sent, its content type as a header, and the response's bytes as UTF-8 (what the suite read of them).
    /// </summary>
    public RecordedExchange ToRecorded(DateTimeOffset? time = null)
    {
        IEnumerable<KeyValuePair<string, string>> requestHeaders = Request.ContentType is { } contentType
            ? [new("Content-Type", contentType), .. Request.Headers]
            : Request.Headers;
        return new RecordedExchange(
            time,
            Request.Method.Method,
            Request.Url,
            new RecordedHeaders(requestHeaders),
            Request.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(Request.Body),
            new RecordedResponse(Status, new RecordedHeaders(ResponseHeaders), Encoding.UTF8.GetBytes(Body)));
    }

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MiB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

    public override string ToString() => $"{Request.Method} {Request.Url} → {Status}";

    private static bool Shown(string header) =>
        header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Pragma", StringComparison.OrdinalIgnoreCase)
        || header.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Location", StringComparison.OrdinalIgnoreCase);

    private JsonElement? ParseJson()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

}
