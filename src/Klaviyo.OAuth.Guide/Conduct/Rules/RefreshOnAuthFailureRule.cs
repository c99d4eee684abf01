using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>
/// client.refresh-on-auth-failure: after an API call answered authentication_failed, the app gets a
/// new access token (a granted token request) before it calls the API with that header again.
/// </summary>
public sealed class RefreshOnAuthFailureRule() : ConductRule(new(
        "client.refresh-on-auth-failure", RequirementLevel.Documented,
        "After authentication_failed, gets a new access token before calling the API again, instead of repeating the call with the same token.",
        ClientRule.Guide + "Please obtain a new valid access token using the refresh token.",
        ["api.authentication-failed"]))
{
    public override string Situation => "authentication_failed on an API call exercises it: let the access token expire (POST /__control/clock/advance {\"seconds\": 3601}), then let the app call the API.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) =>
        traffic.Requests.Where(r => r.Kind == RequestKind.Api && r.ErrorCode == "authentication_failed");

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var failed in exercised)
        {
            var header = failed.Exchange.RequestHeaders.First("Authorization");
            foreach (var later in traffic.Requests.Where(r => r.Index > failed.Index))
            {
                if (later.Kind == RequestKind.Token && later.Status == 200)
                {
                    break;
                }

                if (later.Kind == RequestKind.Api && later.Exchange.RequestHeaders.First("Authorization") == header)
                {
                    yield return traffic.Evidence(later, $"the API is called again with the access token refused at request {failed.Index}, without a new one", "api.authentication-failed");
                    break;
                }
            }
        }
    }
}
