using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>
/// client.refresh-rate: one refresh token is used at most 10 times in any minute (sliding window).
/// Only refreshes the server got to count are uses: not one answered 429 (sending the token again
/// after a 429 is client.after-rate-limit's concern) nor 503 (retries in an outage are
/// client.after-unavailable's).
/// </summary>
public sealed class RefreshRateRule() : ConductRule(new(
        "client.refresh-rate", RequirementLevel.Documented,
        "Uses one refresh token at most 10 times in any minute.",
        ClientRule.Guide + "A refresh token can be used 10 times per minute maximum.",
        ["token.refresh.rate-limited"]))
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public override string Situation => "Refreshes with timestamps exercise it: let the app refresh (POST /oauth/token, grant_type=refresh_token); the emulator's journal and HAR captures carry the times.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) =>
        traffic.Requests.Where(r => r.RefreshToken is not null && r.Time is not null && r.Status is not (429 or 503));

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var uses in exercised.GroupBy(r => r.RefreshToken, StringComparer.Ordinal))
        {
            var window = new Queue<DateTimeOffset>();
            foreach (var request in uses)
            {
                var now = request.Time!.Value;
                while (window.Count > 0 && now - window.Peek() >= Window)
                {
                    window.Dequeue();
                }

                window.Enqueue(now);
                if (window.Count > Limit)
                {
                    yield return traffic.Evidence(request, $"use {window.Count} of the same refresh token within a minute", "token.refresh.rate-limited");
                }
            }
        }
    }
}
