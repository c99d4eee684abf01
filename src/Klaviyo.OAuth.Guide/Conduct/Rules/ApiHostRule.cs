using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>client.api-host: token and revoke requests go to the API host (a.klaviyo.com), never the web host.</summary>
public sealed class ApiHostRule() : ConductRule(new(
        "client.api-host", RequirementLevel.Documented,
        "Sends token and revoke requests to the API host, never the web host.",
        ClientRule.Guide + "Requests to directly klaviyo.com will fail.",
        ["token.wrong-host", "revoke.wrong-host"]))
{
    public override string Situation => "Any token or revoke request exercises it: authorize the app and let it exchange the code (POST /oauth/token).";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) => traffic.ClientAuthenticated;

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised) =>
        exercised
            .Where(r => r.OnWebHost || IsWebHostRefusal(r))
            .Select(r => traffic.Evidence(r, $"sent to the web host {r.Exchange.Url.Authority}", "tip.api-host"));

    // The emulator's web host has no fixed name; its answer (403, not JSON, on /oauth/token) tells it apart.
    private static bool IsWebHostRefusal(AppRequest request) =>
        request.Status == 403 && request.Exchange.Response?.ContentType != "application/json";
}
