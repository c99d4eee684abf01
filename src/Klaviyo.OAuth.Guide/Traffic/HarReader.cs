using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// Reads an HTTP Archive (HAR 1.2) into exchanges: one per entry whose URL is http or https.
/// Bodies marked <c>"encoding": "base64"</c> are decoded to their bytes.
/// </summary>
public static class HarReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static IReadOnlyList<RecordedExchange> Read(string json, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var where = JsonParseProblem.Where(e);
            var truncated = json.TrimEnd().EndsWith('}') ? string.Empty : " (truncated?)";
            throw new TrafficFormatException($"{sourceName}: not valid JSON{where}{truncated}, so not a HAR file.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.Object
                || !log.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new TrafficFormatException($"{sourceName}: JSON, but not a HAR file (no log.entries).");
            }

            var exchanges = new List<RecordedExchange>();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                index++;
                if (ReadEntry(entry, sourceName, index) is { } exchange)
                {
                    exchanges.Add(exchange);
                }
            }

            return exchanges;
        }
    }

    private static RecordedExchange? ReadEntry(JsonElement entry, string sourceName, int index)
    {
        var where = $"{sourceName}: entry {index}";
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            throw new TrafficFormatException($"{where} has no request.");
        }

        var method = String(request, "method");
        var url = String(request, "url");
        if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(url))
        {
            throw new TrafficFormatException($"{where}: its request has no method or URL.");
        }

        // On Unix "/path" parses as an absolute file URI; a HAR's URLs always name their scheme.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.IsFile && !url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            throw new TrafficFormatException($"{where}: \"{Shorten(url)}\" is not an absolute URL.");
        }

        // data:, blob:, chrome-extension: entries are the browser's own, not the app's traffic.
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var headers = Headers(request);
        var body = RequestBody(request, where);
        DateTimeOffset? time = DateTimeOffset.TryParse(String(entry, "startedDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        return new RecordedExchange(time, method.ToUpperInvariant(), uri, headers, body, Response(entry, where));
    }

    private static RecordedResponse? Response(JsonElement entry, string where)
    {
        if (!entry.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
            || !response.TryGetProperty("status", out var statusElement) || !statusElement.TryGetInt32(out var status) || status <= 0)
        {
            // Status 0: the browser never got an answer (blocked, cancelled, offline).
            return null;
        }

        var body = ReadOnlyMemory<byte>.Empty;
        if (response.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
        {
            body = Body(String(content, "text"), String(content, "encoding"), where + "'s response");
        }

        return new RecordedResponse(status, Headers(response), body);
    }

    private static ReadOnlyMemory<byte> RequestBody(JsonElement request, string where)
    {
        if (!request.TryGetProperty("postData", out var postData) || postData.ValueKind != JsonValueKind.Object)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (String(postData, "text") is { } text)
        {
            return Body(text, String(postData, "encoding"), where + "'s request");
        }

        if (postData.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            var pairs = parameters.EnumerateArray()
                .Select(p => Uri.EscapeDataString(String(p, "name") ?? string.Empty) + "=" + Uri.EscapeDataString(String(p, "value") ?? string.Empty));
            return Encoding.UTF8.GetBytes(string.Join('&', pairs));
        }

        return ReadOnlyMemory<byte>.Empty;
    }

    private static ReadOnlyMemory<byte> Body(string? text, string? encoding, string where)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (!string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new TrafficFormatException($"{where} body is marked base64 but is not valid base64.", e);
        }
    }

    private static RecordedHeaders Headers(JsonElement message)
    {
        if (!message.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Array)
        {
            return RecordedHeaders.Empty;
        }

        // Chromium lists HTTP/2 pseudo-headers (":authority") among the headers; they are not headers.
        return new RecordedHeaders(headers.EnumerateArray()
            .Select(h => (Name: String(h, "name"), Value: String(h, "value")))
            .Where(h => !string.IsNullOrEmpty(h.Name) && !h.Name.StartsWith(':'))
            .Select(h => KeyValuePair.Create(h.Name!, h.Value ?? string.Empty)));
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
