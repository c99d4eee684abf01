using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Grading;

/// <summary>
/// One app's traffic read from a running emulator's journal (<c>GET /__control/journal</c>): each of
/// its entries' <c>exchange</c>, the request and answer with secrets already replaced by
/// fingerprints, becomes a <see cref="RecordedExchange"/> the conduct rules grade as a HAR's; the
/// requests to Klaviyo's endpoints the emulator attributed to no app are counted.
/// </summary>
public static class EmulatorJournal
{
    // The emulator keeps a bounded journal; ask for all of it.
    private const int Everything = 100_000;

    /// <summary>Reads the journal; throws <see cref="TrafficFormatException"/> when the answer is not a journal.</summary>
    public static async Task<JournalTraffic> ReadAsync(HttpClient http, Uri emulator, string clientId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(emulator);
        var url = new Uri(emulator, $"/__control/journal?limit={Everything.ToString(CultureInfo.InvariantCulture)}");
        using var response = await http.GetAsync(url, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new TrafficFormatException($"GET {url} answered {(int)response.StatusCode}: is it the emulator's API host, with its control API on?");
        }

        try
        {
            using var json = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellation).ConfigureAwait(false);
            return Parse(json!.RootElement, clientId);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or NotSupportedException)
        {
            throw new TrafficFormatException($"GET {url} did not answer with the emulator's journal: {e.Message}");
        }
    }

    /// <summary>
    /// The exchanges of <paramref name="clientId"/> in a journal answer, oldest first, the authorities
    /// of the emulator's web host (its authorize page), and how many requests to Klaviyo's endpoints
    /// belong to no app; entries without an exchange are left out.
    /// </summary>
    public static JournalTraffic Parse(JsonElement journal, string clientId)
    {
        var exchanges = new List<RecordedExchange>();
        var webHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unattributed = 0;
        foreach (var entry in journal.GetProperty("entries").EnumerateArray())
        {
            var owner = Text(entry, "clientId");
            if (owner is null && RequestKinds.Of(entry.GetProperty("path").GetString()!) != RequestKind.Other)
            {
                unattributed++;
            }

            if (owner != clientId || !entry.TryGetProperty("exchange", out var exchange) || exchange.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var url = new Uri(exchange.GetProperty("url").GetString()!);
            if (entry.GetProperty("host").GetString() == "web")
            {
                webHosts.Add(url.Authority);
            }

            var at = entry.GetProperty("at").GetDateTimeOffset();
            var body = Text(exchange, "body");
            var responseBody = Text(exchange, "responseBody");
            exchanges.Add(new RecordedExchange(
                at,
                entry.GetProperty("method").GetString()!,
                url,
                Headers(exchange.GetProperty("headers")),
                Encoding.UTF8.GetBytes(body ?? string.Empty),
                new RecordedResponse(entry.GetProperty("status").GetInt32(), Headers(exchange.GetProperty("responseHeaders")), Encoding.UTF8.GetBytes(responseBody ?? string.Empty))));
        }

        return new JournalTraffic(exchanges, [.. webHosts], unattributed);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static RecordedHeaders Headers(JsonElement headers) =>
        new(headers.EnumerateArray().Select(h => new KeyValuePair<string, string>(h.GetProperty("key").GetString()!, h.GetProperty("value").GetString()!)));
}

/// <summary>One app's exchanges from the journal, the emulator's web host authorities, and the requests attributed to no app.</summary>
public sealed record JournalTraffic(IReadOnlyList<RecordedExchange> Exchanges, IReadOnlyList<string> WebHosts, int Unattributed);
