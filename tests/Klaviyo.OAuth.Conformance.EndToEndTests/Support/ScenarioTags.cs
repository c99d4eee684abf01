using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// The tags of every scenario a run knew about, by scenario name, from the pickles of its
/// reports/cucumber.ndjson (the TRX does not carry NUnit categories).
/// </summary>
public static class ScenarioTags
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string ndjsonPath)
    {
        var tags = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ndjsonPath).Where(l => l.Contains("\"pickle\"", StringComparison.Ordinal)))
        {
            using var envelope = JsonDocument.Parse(line);
            if (envelope.RootElement.TryGetProperty("pickle", out var pickle))
            {
                tags[pickle.GetProperty("name").GetString()!] = pickle.GetProperty("tags").EnumerateArray()
                    .Select(t => t.GetProperty("name").GetString()!.TrimStart('@'))
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
        }

        return tags;
    }
}
