using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>client.stops-after-invalid-grant: a refresh token answered invalid_grant is never sent again.</summary>
public sealed class StopsAfterInvalidGrantRule() : ConductRule(new(
        "client.stops-after-invalid-grant", RequirementLevel.Documented,
        "After invalid_grant for a refresh token, never sends that refresh token again (the customer must reauthorize).",
        ClientRule.Guide + "Your customer will need to reauthorize the integration.",
        ["token.refresh.revoked", "token.refresh.not-found", "token.refresh.inactive"]))
{
    public override string Situation => "invalid_grant on a refresh exercises it: revoke the app's refresh token (POST /__control/refresh-tokens/revoke {\"refreshToken\": …}) or expire it (…/expire), then let the app refresh.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) =>
        traffic.Requests.Where(r => r.RefreshToken is not null && r.ErrorCode == "invalid_grant");

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var request in traffic.Requests.Where(r => r.RefreshToken is not null))
        {
            var refused = exercised.FirstOrDefault(f => f.Index < request.Index && f.RefreshToken == request.RefreshToken);
            if (refused is not null)
            {
                yield return traffic.Evidence(request, $"the refresh token refused with invalid_grant (request {refused.Index}) is sent again", "tip.refresh-token-invalid");
            }
        }
    }
}
