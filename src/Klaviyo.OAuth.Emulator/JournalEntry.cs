using Klaviyo.OAuth.Guide.Diagnosis;

namespace Klaviyo.OAuth.Emulator;

/// <summary>
/// One request the emulator answered. <see cref="Path"/> includes the query string with secrets
/// redacted; <see cref="Host"/> is "api" or "web"; <see cref="Outcome"/> says why it answered so.
/// <see cref="RequestId"/> is also sent as the response's X-Request-Id header, so a developer can
/// find the entry of a response they hold; <see cref="ClientId"/> is the app the request can be
/// attributed to; <see cref="Findings"/> explain a refusal in the guide's words; <see cref="Exchange"/>
/// is the request and answer without secrets, as the client-conduct rules read them.
/// </summary>
public sealed record JournalEntry(
    DateTimeOffset At,
    string Method,
    string Host,
    string Path,
    int Status,
    string Outcome,
    string? RequestId = null,
    string? ClientId = null,
    IReadOnlyList<FindingReport>? Findings = null,
    JournalExchange? Exchange = null)
{
    /// <summary>Whether the request came through the control API rather than from an app.</summary>
    public bool IsControl => Path.StartsWith("/__control", StringComparison.Ordinal);
}
