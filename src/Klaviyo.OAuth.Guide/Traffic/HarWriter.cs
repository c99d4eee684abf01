using System.Globalization;
using System.Text.Json;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// Writes recorded exchanges as a HAR 1.2 log that <see cref="HarReader"/> (and browsers' tools)
/// read back; bodies are base64 so any bytes survive. The HAR holds secrets as sent: keep it
/// where the app's own secrets are kept.
/// </summary>
public static class HarWriter
{
    public static string Write(IEnumerable<RecordedExchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var entries = exchanges.Select(e => new
        {
            startedDateTime = (e.Time ?? DateTimeOffset.UnixEpoch).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            request = new
            {
                method = e.Method,
                url = e.Url.AbsoluteUri,
                headers = Headers(e.RequestHeaders),
                postData = e.RequestBody.IsEmpty ? null : new { mimeType = e.RequestHeaders.First("Content-Type") ?? string.Empty, text = Convert.ToBase64String(e.RequestBody.Span), encoding = "base64" },
            },
            response = e.Response is { } r
                ? new { status = r.Status, headers = Headers(r.Headers), content = new { mimeType = r.Headers.First("Content-Type") ?? string.Empty, text = Convert.ToBase64String(r.Body.Span), encoding = "base64" } }
                : new { status = 0, headers = Headers(RecordedHeaders.Empty), content = new { mimeType = string.Empty, text = string.Empty, encoding = "base64" } },
        });
        return JsonSerializer.Serialize(new { log = new { version = "1.2", creator = new { name = "Klaviyo.OAuth.Conformance", version = "1" }, entries } });
    }

    private static object[] Headers(RecordedHeaders headers) => [.. headers.Select(h => new { name = h.Key, value = h.Value })];
}
