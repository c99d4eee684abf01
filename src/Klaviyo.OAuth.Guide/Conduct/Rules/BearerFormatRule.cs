using System.Text.RegularExpressions;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>client.bearer-format: API calls carry exactly one "Authorization: Bearer &lt;token&gt;".</summary>
public sealed partial class BearerFormatRule() : ConductRule(new(
        "client.bearer-format", RequirementLevel.Documented,
        "Calls the API with Authorization: Bearer <access token>, exactly.",
        ClientRule.Guide + "The authorization header for OAuth is formatted incorrectly.",
        ["api.not-authenticated"]))
{
    public override string Situation => "Any API call exercises it: let the app call the API (GET /api/accounts/) with its access token.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) => traffic.Requests.Where(r => r.Kind == RequestKind.Api);

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var request in exercised)
        {
            var headers = request.Exchange.RequestHeaders.GetValues("Authorization");
            var breach = headers.Count switch
            {
                0 => "no Authorization header",
                > 1 => "two Authorization headers",
                _ when !BearerHeader().IsMatch(headers[0]) => "the header is not exactly \"Bearer <access token>\"",
                _ => null,
            };
            if (breach is not null)
            {
                yield return traffic.Evidence(request, breach, "api.not-authenticated");
            }
        }
    }

    [GeneratedRegex("^Bearer [A-Za-z0-9\\-._~+/]+=*$")]
    private static partial Regex BearerHeader();
}
