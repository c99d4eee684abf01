using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Guide.Tips;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// Compares one response with what the guide expects, collecting every mismatch, and fails with a
/// message a newcomer can act on: the behaviour, what the guide expects, what differed, the
/// exchange (secrets redacted), the guide's "why and how to fix", and the guide's troubleshooting
/// tip for the exchange when the diagnosis finds one.
/// </summary>
/// <param name="sentToWebHost">Whether the request went to the target's web host, when the caller knows (the diagnosis reads it).</param>
public sealed class ResponseCheck(HttpExchange exchange, string expected, Behaviour? behaviour, SecretRedactor redactor, bool? sentToWebHost = null)
{
    private readonly List<string> _mismatches = [];

    public HttpExchange Exchange => exchange;

    public ResponseCheck Status(int status) =>
        Expect(exchange.Status == status, $"status {exchange.Status}, expected {status}");

    public ResponseCheck StatusBetween(int lowest, int highest) =>
        Expect(exchange.Status >= lowest && exchange.Status <= highest, $"status {exchange.Status}, expected {lowest}–{highest}");

    public ResponseCheck MediaType(string mediaType) =>
        Expect(exchange.MediaType == mediaType, $"Content-Type '{exchange.Header("Content-Type") ?? "(none)"}', expected {mediaType}");

    public ResponseCheck JsonString(string property, string value)
    {
        if (exchange.Json is null)
        {
            return Expect(false, $"the body is not JSON, expected \"{property}\":\"{value}\"");
        }

        var actual = exchange.JsonString(property);
        return Expect(actual == value, actual is null ? $"\"{property}\" is absent, expected \"{value}\"" : $"\"{property}\" is \"{actual}\", expected \"{value}\"");
    }

    /// <summary>The JSON body has the property, of one of the given kinds.</summary>
    public ResponseCheck JsonPresent(string property, params JsonValueKind[] kinds)
    {
        var present = exchange.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && kinds.Contains(value.ValueKind);
        var expected = string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()));
        return Expect(present, exchange.Json is null ? $"the body is not JSON, expected \"{property}\"" : $"\"{property}\" is missing or not a {expected}");
    }

    public ResponseCheck JsonApiError(string code, string title)
    {
        var error = exchange.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                ? errors[0]
                : (JsonElement?)null;
        if (error is not { ValueKind: JsonValueKind.Object } first)
        {
            return Expect(false, "the body has no JSON:API errors[0]");
        }

        var actualCode = first.TryGetProperty("code", out var c) ? c.ToString() : "(absent)";
        var actualTitle = first.TryGetProperty("title", out var t) ? t.ToString() : "(absent)";
        Expect(actualCode == code, $"errors[0].code is \"{actualCode}\", expected \"{code}\"");
        return Expect(actualTitle == title, $"errors[0].title is \"{actualTitle}\", expected \"{title}\"");
    }

    /// <summary>
    /// The text appears in the body as a reader sees it: entities decoded, any run of whitespace as one
    /// space, letter case ignored (CDN pages differ in markup and capitals, e.g. CloudFront's <c>&lt;H2&gt;</c>).
    /// </summary>
    public ResponseCheck BodyContains(string text)
    {
        var shown = Collapse(System.Net.WebUtility.HtmlDecode(exchange.Body));
        return Expect(shown.Contains(Collapse(text), StringComparison.OrdinalIgnoreCase), $"the body does not contain \"{text}\"");
    }

    /// <summary>The text appears in the body, either literally or inside one of its JSON string values.</summary>
    public ResponseCheck Says(string text)
    {
        var inJson = exchange.Json is { ValueKind: JsonValueKind.Object } json
            && json.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains(text, StringComparison.Ordinal));
        return Expect(inJson || exchange.Body.Contains(text, StringComparison.Ordinal), $"the body does not say {text}");
    }

    public ResponseCheck HeaderContains(string header, string text) =>
        Expect(exchange.Header(header)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true,
            $"header {header} is '{exchange.Header(header) ?? "(absent)"}', expected it to contain '{text}'");

    /// <summary>A Retry-After header in either form RFC 9110 §10.2.3 allows: delta-seconds or an HTTP date.</summary>
    public ResponseCheck RetryAfter()
    {
        var value = exchange.Header("Retry-After")?.Trim();
        var valid = value is not null
            && (value.All(char.IsAsciiDigit) && value.Length > 0
                || DateTimeOffset.TryParseExact(value, "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        return Expect(valid, value is null ? "header Retry-After is absent" : $"header Retry-After is '{value}', expected delta-seconds or an HTTP date");
    }

    public ResponseCheck That(bool condition, string mismatch) => Expect(condition, mismatch);

    /// <summary>Fails the scenario with the full explanation when anything differed.</summary>
    public void Verify()
    {
        if (_mismatches.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(behaviour is null ? "Expected" : $"[{behaviour.Id}] The guide expects").Append(": ").AppendLine(expected);
        message.AppendLine("But:");
        foreach (var mismatch in _mismatches)
        {
            message.Append("  - ").AppendLine(mismatch);
        }

        message.AppendLine().AppendLine(exchange.Describe(redactor));
        if (behaviour is not null)
        {
            message.AppendLine().Append("Why and how to fix (").Append(behaviour.Reference).Append("): ").AppendLine(behaviour.WhyAndHowToFix);
        }

        // The catalogue's own words are added after redaction: they always appear as the guide says them.
        var tip = GuideTip() is { } found ? $"{Environment.NewLine}Tip: {found.Id} — {found.Words}" : string.Empty;
        throw new CheckFailedException(redactor.Redact(message.ToString()).TrimEnd() + tip);
    }

    /// <summary>The tip of the first finding the guide's diagnosis has for the exchange, or null.</summary>
    public Tip? GuideTip() =>
        new Diagnostician().Diagnose(exchange.ToRecorded(), sentToWebHost).Findings.Select(f => f.Tip).FirstOrDefault(t => t is not null);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private ResponseCheck Expect(bool condition, string mismatch)
    {
        if (!condition)
        {
            _mismatches.Add(mismatch);
        }

        return this;
    }
}
