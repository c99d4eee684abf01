using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>GET /oauth/client: the app settings page, only for managers of allowlisted accounts.</summary>
internal sealed class ClientPageEndpoint(Emulation emulation)
{
    public EmulatorResponse Handle(EmulatorRequest request)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            return HtmlPages.NotFound($"method {request.Method} on /oauth/client");
        }

        var user = WebSession.SignedInUser(emulation, request);
        if (user is null)
        {
            return WebSession.ToLogin(request);
        }

        var account = emulation.Accounts.FindAccount(user.AccountId);
        if (account is not { Allowlisted: true })
        {
            return HtmlPages.NotFound("account is not beta-allowlisted");
        }

        if (!user.CanManageApps)
        {
            return HtmlPages.NotFound($"role {user.Role} cannot see the OAuth client page");
        }

        return EmulatorResponse.Html(200, HtmlPages.Page("OAuth client", "<h1>OAuth client</h1>\n<p>Manage your app's client id, secret and redirect URLs.</p>"), "200 OAuth client page");
    }
}
