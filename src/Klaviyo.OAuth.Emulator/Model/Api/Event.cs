using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>Something a profile did, of one metric (GET /api/events/; include=metric,profile).</summary>
internal sealed record Event(string Id, string Uuid, DateTimeOffset Happened, decimal Value, Metric Metric, Profile Profile) : ApiResource("event", Id)
{
    public override object Attributes => new
    {
        timestamp = Happened.ToUnixTimeSeconds(),
        event_properties = new Dictionary<string, object> { ["$value"] = Value, ["$event_id"] = Uuid },
        datetime = ApiDates.Format(Happened),
        uuid = Uuid,
    };

    public override IReadOnlyList<(string Name, ApiResource Resource)> Related => [("metric", Metric), ("profile", Profile)];

    public static Event Generate(Faker f, IReadOnlyList<Metric> metrics, IReadOnlyList<Profile> profiles)
    {
        var profile = profiles[f.Random.Int(0, profiles.Count - 1)];
        return new Event(
            ApiIds.Event(f),
            f.Random.Guid().ToString(),
            f.Date.BetweenOffset(profile.Created, ApiDates.DataEnd),
            Math.Round(f.Random.Decimal(5, 250), 2),
            metrics[f.Random.Int(0, metrics.Count - 1)],
            profile);
    }
}
