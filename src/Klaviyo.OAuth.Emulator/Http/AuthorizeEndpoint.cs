using System.Text;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// /oauth/authorize on the web host: GET shows the consent page, POST (decision=allow|deny)
/// answers it. Errors that cannot be trusted to the redirect URI (unknown client, unregistered
/// redirect URI) are shown as a page; the others go back to the app as error=…&amp;state=….
/// </summary>
internal sealed class AuthorizeEndpoint(Emulation emulation)
{
    public EmulatorResponse Handle(EmulatorRequest request)
    {
        if (request.Method is not ("GET" or "POST"))
        {
            return HtmlPages.BadRequest("Use GET or POST.", $"method {request.Method} on /oauth/authorize");
        }

        var parameters = ReadParameters(request, out var malformed);
        if (emulation.Outages.IsDown(EndpointFamily.Authorize, parameters?["client_id"]))
        {
            return HtmlPages.Unavailable("authorize outage");
        }

        if (parameters is null)
        {
            return HtmlPages.BadRequest("The request is malformed.", malformed ?? "malformed parameters");
        }

        var user = WebSession.SignedInUser(emulation, request);
        if (user is null)
        {
            return WebSession.ToLogin(request);
        }

        var client = emulation.Clients.Find(parameters["client_id"]);
        if (client is null)
        {
            return HtmlPages.BadRequest("Unknown client_id.", "unknown client_id");
        }

        // Like the token and API endpoints, the answer names the app it recognised (the journal's attribution).
        return Answer(request, client, user, parameters).ForClient(client.Id);
    }

    private EmulatorResponse Answer(EmulatorRequest request, Client client, User user, FormFields parameters)
    {
        var redirectUri = parameters["redirect_uri"];
        if (!client.HasRedirectUri(redirectUri))
        {
            return HtmlPages.BadRequest("redirect_uri is not registered for this app.", "redirect_uri not registered");
        }

        var state = parameters["state"];
        if (parameters["response_type"] != "code")
        {
            return BackToApp(redirectUri!, state, ("error", "unsupported_response_type"), "response_type is not code");
        }

        var challenge = parameters["code_challenge"];
        if (parameters["code_challenge_method"] != Pkce.S256 || !Pkce.IsAcceptableChallenge(challenge))
        {
            return BackToApp(redirectUri!, state, ("error", "invalid_request"), "code_challenge missing or method is not S256");
        }

        if (!user.CanManageApps)
        {
            return HtmlPages.Denied($"role {user.Role} cannot grant authorization");
        }

        if (request.Method == "GET")
        {
            return ConsentPage.Show(client, parameters);
        }

        return parameters["decision"] switch
        {
            "allow" => BackToApp(
                redirectUri!,
                state,
                ("code", emulation.Tokens.IssueCode(client.Id, redirectUri!, parameters["scope"] ?? string.Empty, challenge!, user.AccountId).Value),
                "approved: code issued"),
            "deny" => BackToApp(redirectUri!, state, ("error", "access_denied"), "denied by the user"),
            _ => HtmlPages.BadRequest("decision must be allow or deny.", "decision missing"),
        };
    }

    private static FormFields? ReadParameters(EmulatorRequest request, out string? error)
    {
        if (request.Method == "GET")
        {
            return FormFields.TryParse(request.RawQuery, out error);
        }

        if (!request.IsFormUrlEncoded)
        {
            error = "POST body is not application/x-www-form-urlencoded";
            return null;
        }

        return FormFields.TryParse(request.Body, out error);
    }

    private static EmulatorResponse BackToApp(string redirectUri, string? state, (string Name, string Value) result, string outcome)
    {
        var location = new StringBuilder(redirectUri)
            .Append(redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?')
            .Append(result.Name).Append('=').Append(Uri.EscapeDataString(result.Value));
        if (state is not null)
        {
            location.Append("&state=").Append(Uri.EscapeDataString(state));
        }

        return EmulatorResponse.Redirect(location.ToString(), "302 " + outcome);
    }
}
