using System.Text;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>client.basic-auth: every token and revoke request carries exactly one "Basic base64(id:secret)" header, and no secret elsewhere.</summary>
public sealed class BasicAuthRule() : ConductRule(new(
        "client.basic-auth", RequirementLevel.Documented,
        "Authenticates every token and revoke request with the Basic header.",
        ClientRule.Guide + "You must send client authentication as the basic auth header.",
        ["token.invalid-client", "revoke.invalid-client"]))
{
    public override string Situation => "Any token or revoke request exercises it: authorize the app and let it exchange the code (POST /oauth/token).";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) => traffic.ClientAuthenticated;

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var request in exercised)
        {
            if (Breach(request) is ({ } breach, { } tip))
            {
                yield return traffic.Evidence(request, breach, tip);
            }
        }
    }

    private static (string? Breach, string? Tip) Breach(AppRequest request)
    {
        var headers = request.Exchange.RequestHeaders.GetValues("Authorization");
        if (request.Form.Has("client_secret") || request.Query.Has("client_secret"))
        {
            return ("the client secret is sent as a parameter, not in the Basic header", "tip.authorization-header");
        }

        if (headers.Count == 0)
        {
            return ("no Authorization header", "tip.authorization-header");
        }

        if (headers.Count > 1)
        {
            return ("two Authorization headers", "tip.authorization-header");
        }

        var header = headers[0];
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !string.Equals(header[..space], "Basic", StringComparison.Ordinal))
        {
            return ("the scheme is not Basic", "tip.basic-prefix");
        }

        var credentials = header[(space + 1)..].Trim();
        if (credentials.StartsWith("b'", StringComparison.Ordinal) || credentials.StartsWith("b\"", StringComparison.Ordinal))
        {
            return ("a bytes literal printed into the header", "tip.bytes-to-string");
        }

        try
        {
            var decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(credentials));
            return decoded.Contains(':', StringComparison.Ordinal) ? (null, null) : ("the credentials decode without a ':'", "tip.authorization-header");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return ("the credentials are not base64 of id:secret", "tip.credentials-base64");
        }
    }
}
