namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>The most recent requests, newest last, in a bounded ring.</summary>
internal sealed class RequestJournal(int capacity = RequestJournal.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    private readonly Lock _gate = new();
    private readonly Queue<JournalEntry> _entries = new();

    public void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    /// <summary>The last <paramref name="limit"/> entries (all when null), oldest first.</summary>
    public IReadOnlyList<JournalEntry> Recent(int? limit = null)
    {
        lock (_gate)
        {
            var skip = limit is { } n ? Math.Max(0, _entries.Count - n) : 0;
            return _entries.Skip(skip).ToArray();
        }
    }
}
