using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// A collection under /api/: its path segment, the JSON:API type of its resources, the scope that
/// reads it, the rate-limit tiers of listing it and of getting one resource (Klaviyo's OpenAPI
/// description: "Rate limits: Burst 1/s, Steady 15/m" on Get Accounts, and so on), and the first
/// revision that has the endpoint (an earlier one is "No valid revisions found for method").
/// </summary>
internal sealed record ApiCollection(string Segment, string Type, string ReadScope, ApiTier ListTier, ApiTier OneTier, DateOnly FirstRevision)
{
    /// <summary>The tier of a path the model does not know (Klaviyo's most common one).</summary>
    public const ApiTier UnknownPathTier = ApiTier.M;

    // The new API's first stable revision; the accounts endpoints came with 2023-02-22.
    private static readonly DateOnly FirstStableRevision = new(2022, 10, 17);

    public static readonly IReadOnlyList<ApiCollection> All =
    [
        new("accounts", "account", "accounts:read", ApiTier.XS, ApiTier.XS, new DateOnly(2023, 2, 22)),
        new("profiles", "profile", "profiles:read", ApiTier.L, ApiTier.L, FirstStableRevision),
        new("lists", "list", "lists:read", ApiTier.L, ApiTier.L, FirstStableRevision),
        new("metrics", "metric", "metrics:read", ApiTier.M, ApiTier.M, FirstStableRevision),
        new("events", "event", "events:read", ApiTier.XL, ApiTier.M, FirstStableRevision),
    ];

    public ApiTier TierFor(string? id) => id is null ? ListTier : OneTier;

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
