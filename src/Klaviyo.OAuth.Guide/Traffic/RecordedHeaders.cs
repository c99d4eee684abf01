using System.Collections;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// The headers of a recorded request or response, in the order they were sent. A name may repeat
/// (two Authorization headers are a finding of their own), and names compare case-insensitively as
/// HTTP says.
/// </summary>
public sealed class RecordedHeaders : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] entries;

    public RecordedHeaders(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = [.. entries];
    }

    public static RecordedHeaders Empty { get; } = new([]);

    public int Count => entries.Length;

    public KeyValuePair<string, string> this[int index] => entries[index];

    /// <summary>Every value sent under <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> GetValues(string name) =>
        [.. entries.Where(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value)];

    /// <summary>The first value sent under <paramref name="name"/>, or null.</summary>
    public string? First(string name)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    public bool Contains(string name) => First(name) is not null;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
