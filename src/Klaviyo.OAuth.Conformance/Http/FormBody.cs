namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>An <c>application/x-www-form-urlencoded</c> body that keeps field order and allows repeats.</summary>
public sealed record FormBody(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public const string MediaType = "application/x-www-form-urlencoded";

    public static FormBody Of(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToArray());

    public FormBody With(string name, string value) => new([.. Fields, new(name, value)]);

    public FormBody With(IEnumerable<KeyValuePair<string, string>> fields) => new([.. Fields, .. fields]);

    public string Encode() =>
        string.Join('&', Fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>The same fields as a JSON object: what an app sends when it gets the content type wrong.</summary>
    public string EncodeAsJson() =>
        System.Text.Json.JsonSerializer.Serialize(Fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value));
}
