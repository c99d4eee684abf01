using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>client.form-body: token and revoke requests send an application/x-www-form-urlencoded body.</summary>
public sealed class FormBodyRule() : ConductRule(new(
        "client.form-body", RequirementLevel.Documented,
        "Sends token and revoke bodies as application/x-www-form-urlencoded.",
        ClientRule.Guide + "Your request body is application/x-www-form-urlencoded.",
        ["token.unsupported-grant-type", "revoke.invalid-request"]))
{
    private const string FormType = "application/x-www-form-urlencoded";

    public override string Situation => "Any token or revoke request exercises it: authorize the app and let it exchange the code (POST /oauth/token).";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) => traffic.ClientAuthenticated;

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised) =>
        exercised
            .Where(r => r.Exchange.ContentType != FormType)
            .Select(r => traffic.Evidence(
                r,
                r.Exchange.ContentType is { } type ? $"the body is sent as {type}" : r.Exchange.RequestBody.IsEmpty ? "no body (parameters in the query string?)" : "the body has no content type",
                "tip.form-body"));
}
