using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>
/// The audience and activity every account shows through the API: profiles, lists, metrics and
/// events generated with Bogus from one seed, so the same seed always gives the same data.
/// </summary>
internal sealed class ApiDataSet
{
    public const int ProfileCount = 50;
    public const int ListCount = 6;
    public const int EventCount = 150;

    private readonly Dictionary<string, Dictionary<string, ApiResource>> _byId;

    public ApiDataSet(int seed)
    {
        Seed = seed;
        var f = new Faker { Random = new Randomizer(seed) };
        Profiles = [.. Enumerable.Range(0, ProfileCount).Select(_ => Profile.Generate(f))];
        Lists = [.. Enumerable.Range(0, ListCount).Select(i => KlaviyoList.Generate(f, i))];
        Metrics = [.. Enumerable.Range(0, Metric.Count).Select(i => Metric.Generate(f, i))];
        Events = [.. Enumerable.Range(0, EventCount).Select(_ => Event.Generate(f, Metrics, Profiles)).OrderByDescending(e => e.Happened)];
        _byId = new(StringComparer.Ordinal)
        {
            ["profile"] = Profiles.ToDictionary(r => r.Id, r => (ApiResource)r, StringComparer.Ordinal),
            ["list"] = Lists.ToDictionary(r => r.Id, r => (ApiResource)r, StringComparer.Ordinal),
            ["metric"] = Metrics.ToDictionary(r => r.Id, r => (ApiResource)r, StringComparer.Ordinal),
            ["event"] = Events.ToDictionary(r => r.Id, r => (ApiResource)r, StringComparer.Ordinal),
        };
    }

    public int Seed { get; }

    public IReadOnlyList<Profile> Profiles { get; }

    public IReadOnlyList<KlaviyoList> Lists { get; }

    public IReadOnlyList<Metric> Metrics { get; }

    public IReadOnlyList<Event> Events { get; }

    /// <summary>Every resource of one type, in the order the API lists them.</summary>
    public IReadOnlyList<ApiResource> All(string type) => type switch
    {
        "profile" => Profiles,
        "list" => Lists,
        "metric" => Metrics,
        "event" => Events,
        _ => [],
    };

    public ApiResource? Find(string type, string id) =>
        _byId.TryGetValue(type, out var resources) && resources.TryGetValue(id, out var resource) ? resource : null;
}
