using Klaviyo.OAuth.Guide.Conduct.Rules;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>Every client-conduct rule as code, in the catalogue's order, and grading one app's traffic by all of them.</summary>
public static class ConductRules
{
    private static readonly ConductRule[] Entries =
    [
        new BasicAuthRule(),
        new FormBodyRule(),
        new ApiHostRule(),
        new PkceS256Rule(),
        new RefreshRateRule(),
        new AfterRateLimitRule(),
        new StopsAfterInvalidGrantRule(),
        new BearerFormatRule(),
        new RefreshOnAuthFailureRule(),
        new AfterUnavailableRule(),
        new NoSecretsInUrlRule(),
        new StateRule(),
    ];

    public static IReadOnlyList<ConductRule> All => Entries;

    /// <summary>The rule with this id, or null.</summary>
    public static ConductRule? Find(string id) => Entries.FirstOrDefault(r => r.Rule.Id == id);

    /// <summary>Every rule's verdict on <paramref name="traffic"/>, in the catalogue's order.</summary>
    public static IReadOnlyList<ConductResult> Grade(AppTraffic traffic) => [.. Entries.Select(r => r.Evaluate(traffic))];
}
