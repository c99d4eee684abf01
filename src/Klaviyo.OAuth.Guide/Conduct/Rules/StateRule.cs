using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>
/// client.state: every authorization request sends a non-empty state, and when the record has the
/// redirect (a 302's Location), it carries the same value back.
/// </summary>
public sealed class StateRule() : ConductRule(new(
        "client.state", RequirementLevel.RfcMust,
        "Sends a state on authorization requests, and the redirect it receives carries the same value.",
        "RFC 6749 §10.12",
        ["authorize.succeeds"]))
{
    public override string Situation => "An authorization request exercises it: sign in through the control API (POST /__control/sessions) and let the app open GET /oauth/authorize.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) => traffic.Requests.Where(r => r.Kind == RequestKind.Authorize);

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var request in exercised)
        {
            var state = request.Parameter("state");
            if (string.IsNullOrEmpty(state))
            {
                yield return traffic.Evidence(request, "no state on the authorization request", "authorize.succeeds");
                continue;
            }

            var location = request.Exchange.Response?.Headers.First("Location");
            if (request.Status is >= 300 and < 400 && location is not null && Uri.TryCreate(location, UriKind.Absolute, out var redirect)
                && FormFields.Parse(redirect.Query)["state"] != state)
            {
                yield return traffic.Evidence(request, "the redirect does not carry the state sent", "authorize.succeeds");
            }
        }
    }
}
