namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>A collection under /api/: its path segment, the JSON:API type of its resources, and the scope that reads it.</summary>
internal sealed record ApiCollection(string Segment, string Type, string ReadScope)
{
    public static readonly IReadOnlyList<ApiCollection> All =
    [
        new("accounts", "account", "accounts:read"),
        new("profiles", "profile", "profiles:read"),
        new("lists", "list", "lists:read"),
        new("metrics", "metric", "metrics:read"),
        new("events", "event", "events:read"),
    ];

    /// <summary>
    /// Resolves /api/{collection}/ and /api/{collection}/{id}/ (the trailing slash is optional, as
    /// Klaviyo's SDKs send it and people often do not); null for any other path.
    /// </summary>
    public static (ApiCollection Collection, string? Id)? Resolve(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not (["api", _] or ["api", _, _]))
        {
            return null;
        }

        var collection = All.FirstOrDefault(c => c.Segment == segments[1]);
        return collection is null ? null : (collection, segments.Length == 3 ? segments[2] : null);
    }
}
