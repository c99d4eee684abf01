using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>Who is signed in on the web host, and where to send someone who is not.</summary>
internal static class WebSession
{
    public static User? SignedInUser(Emulation emulation, EmulatorRequest request) =>
        emulation.Accounts.UserOfSession(request.Cookie(AccountDirectory.SessionCookieName));

    public static EmulatorResponse ToLogin(EmulatorRequest request)
    {
        var next = request.RawQuery.Length == 0 ? request.Path : request.Path + "?" + request.RawQuery;
        return EmulatorResponse.Redirect("/login?next=" + Uri.EscapeDataString(next), "302 not signed in: sent to /login");
    }

    /// <summary>GET /login: people sign in through the control API; this page says so.</summary>
    public static EmulatorResponse LoginPage() =>
        EmulatorResponse.Html(
            200,
            HtmlPages.Page("Log in", $"<h1>Log in</h1>\n<p>Create a session with POST /__control/sessions on the API host and send its cookie ({AccountDirectory.SessionCookieName}).</p>"),
            "200 login page");
}
