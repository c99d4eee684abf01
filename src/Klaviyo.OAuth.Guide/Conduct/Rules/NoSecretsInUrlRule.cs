using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>
/// client.no-secrets-in-url: no client secret, code, verifier or token in the query string of a
/// request to Klaviyo (the redirect back to the app carries the code by design, and is not one).
/// </summary>
public sealed class NoSecretsInUrlRule() : ConductRule(new(
        "client.no-secrets-in-url", RequirementLevel.RfcMust,
        "Never puts a client secret, code, verifier or token in a URL's query string.",
        "RFC 6749 §2.3.1; RFC 6750 §2.3",
        ["token.invalid-client"]))
{
    private static readonly string[] SecretParameters = ["client_secret", "code", "code_verifier", "refresh_token", "access_token", "token"];

    public override string Situation => "Any request to Klaviyo exercises it: let the app authorize, exchange a code, refresh, revoke and call the API.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) => traffic.Requests.Where(r => r.Kind != RequestKind.Other);

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var request in exercised)
        {
            var named = SecretParameters.Where(request.Query.Has).ToList();
            if (named.Count > 0)
            {
                yield return traffic.Evidence(
                    request,
                    $"{string.Join(", ", named)} in the query string",
                    request.Query.Has("client_secret") ? "tip.authorization-header" : "tip.form-body");
            }
        }
    }
}
