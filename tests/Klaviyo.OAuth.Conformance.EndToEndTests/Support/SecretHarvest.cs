using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>The secrets a run handled, collected from what passed through a <see cref="RewritingProxy"/>.</summary>
public static class SecretHarvest
{
    private static readonly string[] SecretProperties = ["clientSecret", "access_token", "refresh_token", "cookieValue"];

    /// <summary>
    /// Every client secret, access token, refresh token and session cookie the target handed out,
    /// and every Basic credential the suite sent, keyed by a description.
    /// </summary>
    public static IReadOnlyDictionary<string, string> From(IEnumerable<ProxiedExchange> exchanges)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var exchange in exchanges)
        {
            if (exchange.Authorization is { } authorization && authorization.StartsWith("Basic ", StringComparison.Ordinal) && authorization.Length > 20)
            {
                secrets.TryAdd($"Basic credentials sent to {exchange.PathAndQuery}", authorization["Basic ".Length..].Trim());
            }

            foreach (var (name, value) in JsonStrings(exchange.ResponseBody).Where(p => SecretProperties.Contains(p.Name)))
            {
                secrets.TryAdd($"{name} answered by {exchange.Method} {exchange.PathAndQuery} ({value[..4]}…)", value);
            }
        }

        return secrets;
    }

    private static List<(string Name, string Value)> JsonStrings(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var strings = new List<(string Name, string Value)>();
            Collect(document.RootElement, strings);
            return strings;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // Nested objects too: one provisioning call answers {"client": {...}, "user": {...}}.
    private static void Collect(JsonElement element, List<(string Name, string Value)> strings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length >= 16)
            {
                strings.Add((property.Name, property.Value.GetString()!));
            }

            Collect(property.Value, strings);
        }
    }
}
