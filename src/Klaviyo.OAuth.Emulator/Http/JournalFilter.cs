using System.Globalization;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// GET /__control/journal?clientId=&amp;status=&amp;since=&amp;limit=&amp;control=true: one app's requests,
/// one status (400) or class (4xx), since a time, newest <c>limit</c> (default 100). The control
/// API's own calls are left out unless <c>control=true</c>: they are the test's, not the app's.
/// </summary>
internal sealed record JournalFilter(string? ClientId, int? Status, int? StatusClass, DateTimeOffset? Since, int Limit, bool Control)
{
    public const int DefaultLimit = 100;

    public static JournalFilter Parse(FormFields query)
    {
        var status = query["status"];
        int? exact = null;
        int? statusClass = null;
        if (status is { Length: 3 } && status[0] is >= '1' and <= '5' && status[1..] == "xx")
        {
            statusClass = status[0] - '0';
        }
        else if (status is not null)
        {
            exact = int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 100 and <= 599
                ? s
                : throw new ArgumentException("\"status\" must be a status code (400) or a class (4xx).");
        }

        DateTimeOffset? since = null;
        if (query["since"] is { } sinceText)
        {
            since = DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new ArgumentException("\"since\" must be a time, e.g. 2026-11-29T13:00:00Z.");
        }

        var limit = DefaultLimit;
        if (query["limit"] is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            throw new ArgumentException("\"limit\" must be a positive integer.");
        }

        var control = query["control"] switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw new ArgumentException("\"control\" must be true or false."),
        };
        return new JournalFilter(query["clientId"] is { Length: > 0 } id ? id : null, exact, statusClass, since, limit, control);
    }

    /// <summary>The matching entries, oldest first, the newest <see cref="Limit"/> of them.</summary>
    public IReadOnlyList<JournalEntry> Apply(IReadOnlyList<JournalEntry> journal)
    {
        var matching = journal.Where(Matches).ToList();
        return matching.Skip(Math.Max(0, matching.Count - Limit)).ToList();
    }

    private bool Matches(JournalEntry entry) =>
        (Control || !entry.IsControl)
        && (ClientId is null || string.Equals(entry.ClientId, ClientId, StringComparison.Ordinal))
        && (Status is null || entry.Status == Status)
        && (StatusClass is null || entry.Status / 100 == StatusClass)
        && (Since is null || entry.At >= Since);
}
