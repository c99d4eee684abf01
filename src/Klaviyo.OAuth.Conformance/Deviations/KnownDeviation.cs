using System.Globalization;

namespace Klaviyo.OAuth.Conformance.Deviations;

/// <summary>
/// One entry of a known-deviations file: a behaviour (or client rule) the target is known not to
/// meet, why, and optionally until when that is accepted.
/// </summary>
/// <param name="Id">The behaviour's (or client rule's) id, as the catalogue spells it.</param>
/// <param name="Reason">Why the deviation is accepted; shown beside the verdict in every report.</param>
/// <param name="Until">The last day the entry applies; the day after, the behaviour fails as if unlisted.</param>
public sealed record KnownDeviation(string Id, string Reason, DateOnly? Until)
{
    /// <summary>Past its <see cref="Until"/> on <paramref name="today"/>: the entry no longer excuses anything.</summary>
    public bool ExpiredOn(DateOnly today) => Until is { } until && today > until;

    /// <summary>What the reports say beside the verdict: "known deviation: reason (until …)", or that the entry expired.</summary>
    public string Describe(bool expired) => expired
        ? $"the known deviation ({Reason}) expired after {UntilText}"
        : $"known deviation: {Reason}" + (Until is null ? string.Empty : $" (until {UntilText})");

    /// <summary>"2027-01-31", or empty.</summary>
    public string UntilText => Until is { } until ? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
}
