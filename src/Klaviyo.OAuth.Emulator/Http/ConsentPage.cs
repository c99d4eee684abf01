using System.Net;
using System.Text;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The page a signed-in manager sees at /oauth/authorize: which app asks, for which scopes, with
/// Allow and Deny. The form posts the same authorization parameters back, plus the decision.
/// Everything from the request or the registration is HTML-escaped.
/// </summary>
internal static class ConsentPage
{
    public static EmulatorResponse Show(Client client, FormFields parameters)
    {
        var name = WebUtility.HtmlEncode(client.Name);
        var html = new StringBuilder()
            .Append("<h1>Allow <strong class=\"app-name\">").Append(name).Append("</strong> to access your Klaviyo account?</h1>\n")
            .Append("<p>").Append(name).Append(" asks for:</p>\n<ul class=\"scopes\">\n");
        foreach (var scope in (parameters["scope"] ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(scope)).Append("</li>\n");
        }

        html.Append("</ul>\n<form method=\"post\" action=\"/oauth/authorize\">\n");
        foreach (var (field, value) in parameters.Fields.Where(p => p.Key != "decision"))
        {
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(field))
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\">\n");
        }

        html.Append("<button name=\"decision\" value=\"allow\">Allow</button>\n")
            .Append("<button name=\"decision\" value=\"deny\">Deny</button>\n</form>");
        return EmulatorResponse.Html(200, HtmlPages.Page("Authorize " + client.Name, html.ToString()), "200 consent page");
    }
}
