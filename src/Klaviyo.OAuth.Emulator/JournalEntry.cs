namespace Klaviyo.OAuth.Emulator;

/// <summary>
/// One request the emulator answered. <see cref="Path"/> includes the query string with secrets
/// redacted; <see cref="Host"/> is "api" or "web"; <see cref="Outcome"/> says why it answered so.
/// </summary>
public sealed record JournalEntry(
    DateTimeOffset At,
    string Method,
    string Host,
    string Path,
    int Status,
    string Outcome);
