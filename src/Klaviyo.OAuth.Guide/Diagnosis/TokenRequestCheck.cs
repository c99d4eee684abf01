using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// /oauth/token and /oauth/revoke: the host, the client's credentials, the form body, then the
/// grant's own parameters, in the order the server checks them.
/// </summary>
internal static class TokenRequestCheck
{
    private static readonly string[] Grants = ["authorization_code", "refresh_token"];

    public static void Run(DiagnosisContext context, bool sentToWebHost)
    {
        var exchange = context.Exchange;
        if (sentToWebHost)
        {
            context.Add(FindingIds.WebHost, $"The request went to {exchange.Url.Host}, the web host; send {exchange.Url.AbsolutePath} to the API host, https://a.klaviyo.com.");
            return;
        }

        var body = exchange.ContentType == "application/x-www-form-urlencoded" ? FormFields.Parse(exchange.RequestBodyText) : null;
        ClientCredentialsCheck.Run(context, body);
        if (body is null)
        {
            Body(context);
            return;
        }

        if (context.Kind == RequestKind.Revoke)
        {
            return;
        }

        var grant = body["grant_type"];
        switch (grant)
        {
            case null or "":
                context.Add(FindingIds.GrantTypeMissing, grant is null ? "The body has no grant_type." : "grant_type is empty.");
                return;
            case "refresh_token":
                RefreshTokenCheck.Run(context, body["refresh_token"]);
                return;
            case "authorization_code":
                CodeVerifierCheck.Run(context, body["code"], body["code_verifier"]);
                return;
            default:
                var near = Grants.FirstOrDefault(g => string.Equals(g, grant.Replace('-', '_').Replace(' ', '_').Trim(), StringComparison.OrdinalIgnoreCase));
                context.Add(FindingIds.GrantTypeUnsupported, near is null
                    ? $"grant_type \"{Shown(grant)}\" is not a grant Klaviyo supports; use authorization_code or refresh_token."
                    : $"grant_type \"{Shown(grant)}\" is a misspelling of {near}.");
                return;
        }
    }

    private static void Body(DiagnosisContext context)
    {
        var exchange = context.Exchange;
        var type = exchange.ContentType;
        var text = exchange.RequestBodyText.TrimStart();
        var query = FormFields.Parse(exchange.Url.Query);
        if (type == "application/json" || (type is null && text.StartsWith('{')))
        {
            context.Add(FindingIds.BodyJson, $"The body is JSON{(type is null ? string.Empty : " (Content-Type: application/json)")}; send the parameters as application/x-www-form-urlencoded, e.g. grant_type=refresh_token&refresh_token=….");
        }
        else if (type == "multipart/form-data")
        {
            context.Add(FindingIds.BodyMultipart, "The body is multipart/form-data; send it as application/x-www-form-urlencoded (in many HTTP libraries: pass a dictionary as form data, not as files).");
        }
        else if (exchange.RequestBody.Length == 0 && (query.Has("grant_type") || query.Has("token") || query.Has("refresh_token")))
        {
            context.Add(FindingIds.BodyInQuery, "The parameters are in the URL's query string and the body is empty; send them in an application/x-www-form-urlencoded body.");
        }
        else
        {
            context.Add(FindingIds.ContentTypeWrong, type is null
                ? "The request has no Content-Type; send Content-Type: application/x-www-form-urlencoded."
                : $"Content-Type is {type}; send application/x-www-form-urlencoded.");
        }
    }

    // A grant name is not a secret, but a pasted token in its place would be.
    private static string Shown(string value) => value.Length <= 24 ? SecretText.Visible(value) : SecretText.Describe(value);
}
