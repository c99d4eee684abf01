using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>client.after-rate-limit: after a 429 for a refresh token, that token is not sent again for a minute.</summary>
public sealed class AfterRateLimitRule() : ConductRule(new(
        "client.after-rate-limit", RequirementLevel.Documented,
        "After a 429, does not use that refresh token again for a minute.",
        ClientRule.Guide + "Rate limit exceeded for refresh token. Please try again after 1 minute.",
        ["token.refresh.rate-limited"]))
{
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(1);

    public override string Situation => "A 429 on a refresh exercises it: rate-limit the app's refresh token (POST /__control/refresh-tokens/rate-limit {\"refreshToken\": …}), then let the app refresh.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) =>
        traffic.Requests.Where(r => r.RefreshToken is not null && r.Status == 429 && r.Time is not null);

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var request in traffic.Requests.Where(r => r.RefreshToken is not null && r.Time is not null))
        {
            var limitedAt = exercised.LastOrDefault(l => l.Index < request.Index && l.RefreshToken == request.RefreshToken);
            if (limitedAt is not null && request.Time!.Value - limitedAt.Time!.Value < Pause)
            {
                var waited = (request.Time.Value - limitedAt.Time.Value).TotalSeconds;
                yield return traffic.Evidence(request, $"the same refresh token {waited:0.#} s after a 429 (request {limitedAt.Index})", "token.refresh.rate-limited");
            }
        }
    }
}
