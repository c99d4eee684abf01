using System.Net;
using System.Text;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// /login on the web host: a developer picks (or creates) an account, allowlisted or not, and a
/// role; POST signs a new user of that role in, sets the session cookie and returns to "next"
/// (the authorization request that sent them here). No passwords: this is an emulator.
/// </summary>
internal sealed class SignInEndpoint(Emulation emulation)
{
    public const string NewAccount = "new";

    public EmulatorResponse Handle(EmulatorRequest request) => request.Method switch
    {
        "GET" or "HEAD" => Page(FormFields.TryParse(request.RawQuery, out _)?["next"]),
        "POST" => SignIn(request),
        _ => HtmlPages.BadRequest("Use GET or POST.", $"method {request.Method} on /login"),
    };

    private EmulatorResponse SignIn(EmulatorRequest request)
    {
        var form = request.IsFormUrlEncoded ? FormFields.TryParse(request.Body, out _) : null;
        if (form is null)
        {
            return HtmlPages.BadRequest("The sign-in form is malformed.", "sign-in form malformed");
        }

        if (RoleNames.Parse(form["role"]) is not { } role)
        {
            return HtmlPages.BadRequest($"Pick a role: {RoleNames.Listing}.", "sign-in without a known role");
        }

        var accountId = form["account"] ?? NewAccount;
        var account = accountId == NewAccount
            ? emulation.Accounts.CreateAccount(allowlisted: form["allowlisted"] == "true")
            : emulation.Accounts.FindAccount(accountId);
        if (account is null)
        {
            return HtmlPages.BadRequest("That account does not exist.", "sign-in to an unknown account");
        }

        var cookie = emulation.Accounts.SignIn(emulation.Accounts.CreateUser(account.Id, role).Id);
        var next = LocalPath(form["next"]);
        var outcome = $"signed in as {RoleNames.NameOf(role)} of {(account.Allowlisted ? "an allowlisted" : "a")} account";
        var response = next is null
            ? EmulatorResponse.Html(200, HtmlPages.Page("Signed in", $"<h1>Signed in</h1>\n<p>You are {RoleNames.NameOf(role)} of account {WebUtility.HtmlEncode(account.Id)}.</p>"), "200 " + outcome)
            : EmulatorResponse.Redirect(next, "302 " + outcome);
        return response.WithHeader("Set-Cookie", $"{AccountDirectory.SessionCookieName}={cookie}; Path=/; HttpOnly; SameSite=Lax");
    }

    /// <summary>Only a path on this host, so the page cannot be used to send someone elsewhere.</summary>
    private static string? LocalPath(string? next) =>
        next is not null && next.StartsWith('/') && !next.StartsWith("//", StringComparison.Ordinal) && !next.Contains('\\', StringComparison.Ordinal)
            ? next
            : null;

    private EmulatorResponse Page(string? next)
    {
        var html = new StringBuilder("<h1>Sign in to the Klaviyo emulator</h1>\n<p>No password: pick an account and the role you sign in with.</p>\n")
            .Append("<form method=\"post\" action=\"/login\">\n");
        if (LocalPath(next) is { } local)
        {
            html.Append("<input type=\"hidden\" name=\"next\" value=\"").Append(WebUtility.HtmlEncode(local)).Append("\">\n");
        }

        html.Append("<fieldset><legend>Account</legend>\n")
            .Append("<label><input type=\"radio\" name=\"account\" value=\"new\" checked> A new account</label>\n")
            .Append("<label><input type=\"checkbox\" name=\"allowlisted\" value=\"true\" checked> beta-allowlisted (can open the OAuth client page)</label>\n");
        foreach (var account in emulation.Accounts.RecentAccounts())
        {
            var id = WebUtility.HtmlEncode(account.Id);
            html.Append("<label><input type=\"radio\" name=\"account\" value=\"").Append(id).Append("\"> ").Append(id)
                .Append(account.Allowlisted ? " (allowlisted)" : " (not allowlisted)").Append("</label>\n");
        }

        html.Append("</fieldset>\n<label>Role <select name=\"role\">\n");
        foreach (var (name, _) in RoleNames.All)
        {
            html.Append("<option value=\"").Append(name).Append('"').Append(name == "owner" ? " selected" : string.Empty).Append('>').Append(name).Append("</option>\n");
        }

        html.Append("</select></label>\n<button type=\"submit\">Sign in</button>\n</form>");
        return EmulatorResponse.Html(200, HtmlPages.Page("Sign in", html.ToString()), "200 sign-in page");
    }
}
