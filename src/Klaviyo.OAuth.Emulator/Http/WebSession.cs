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
}
