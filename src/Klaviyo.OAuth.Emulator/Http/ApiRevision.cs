using System.Globalization;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The "revision" header every call to Klaviyo's API must carry: a date, optionally with a
/// pre-release suffix (2024-10-15, 2024-10-15.pre). An app that forgets it fails in production,
/// so it fails here.
/// </summary>
internal static partial class ApiRevision
{
    /// <summary>Klaviyo's answer, observed, to a revision dated before the endpoint existed (a 404).</summary>
    public const string NoValidRevision = "No valid revisions found for method";

    /// <summary>Null when the header is one well-formed revision (its date in <paramref name="date"/>); otherwise why not (the error's detail).</summary>
    public static string? Problem(EmulatorRequest request, out DateOnly date)
    {
        date = default;
        var values = request.HeaderValues("revision");
        if (values.Count == 0)
        {
            return "Missing required 'revision' header.";
        }

        if (values is not [var value] || Shape().Match(value) is not { Success: true } match
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return "The 'revision' header must be one date in the form YYYY-MM-DD, optionally followed by .pre or .beta.";
        }

        return null;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(\.(pre|beta))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
