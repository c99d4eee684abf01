namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// The standalone console's line for one request: time, host, method, path and outcome; for a
/// refusal also the request id and the first finding's tip (or behaviour) and detail, so a
/// developer sees why without opening the journal.
/// </summary>
internal static class ConsoleLine
{
    public static string Of(JournalEntry entry)
    {
        var line = $"{entry.At:HH:mm:ss} {entry.Host} {entry.Method} {entry.Path} -> {entry.Outcome}";
        if (entry.Status < 400 || entry.IsControl)
        {
            return line;
        }

        var why = entry.Findings is [var first, ..] ? " | " + first.ToLine() : string.Empty;
        return $"{line} [{entry.RequestId}]{why}";
    }
}
