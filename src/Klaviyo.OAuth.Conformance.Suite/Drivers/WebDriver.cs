using System.Text.RegularExpressions;
using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// What a signed-in user's browser does on the web host: opens the authorization page, approves the
/// app (PKCE S256), follows the redirect back to the app; opens the OAuth client page.
/// </summary>
public sealed partial class WebDriver(TargetExchanges target, AppUnderTest app, AppClient client)
{
    public const string Scope = ReferenceClient.Scope;

    public Task<HttpExchange> OpenAuthorizationPageAsync(string codeChallenge, string state)
    {
        var reference = client.Registered;
        return reference.OpenAuthorizationPageAsync(reference.Authorization(codeChallenge: codeChallenge, state: state), SessionCookie);
    }

    /// <summary>Opens the authorization page and approves; the exchange recorded is the approval's redirect.</summary>
    public async Task<HttpExchange> ApproveAsync(string codeVerifier, string? codeChallenge = null)
    {
        var reference = client.Registered;
        var approval = await reference.ApproveAsync(reference.Authorization(codeVerifier, codeChallenge), SessionCookie);
        if (approval.Code is { } code)
        {
            target.Protect(code);
            target.Protect(codeVerifier);
            app.Authorization = new PendingAuthorization(code, codeVerifier, approval.Request.CodeChallenge, approval.Request.State);
        }

        return approval.Answer;
    }

    public Task<HttpExchange> OpenClientPageAsync() =>
        target.SendAsync(new OutgoingRequest(HttpMethod.Get, target.Web("oauth/client")).WithHeader("Cookie", SessionCookie));

    /// <summary>The query parameters of a redirect's Location (empty when the exchange is not a redirect); a repeated one counts by its first value.</summary>
    public static Dictionary<string, string> RedirectParameters(HttpExchange exchange) =>
        AuthorizationResponse.Of(exchange).Parameters.Fields.DistinctBy(f => f.Key).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>Whether the answer is a page on which the user could approve the app: a form posting to the authorization endpoint.</summary>
    public static bool ShowsTheConsentForm(HttpExchange exchange) => ConsentForm.IsMatch(exchange.Body);

    /// <summary>Whether the answer is the OAuth client page, whatever its status: a page about an app's secret or redirect URLs.</summary>
    public static bool ShowsTheClientPage(HttpExchange exchange) => ClientSettings.IsMatch(exchange.Body);

    private string SessionCookie
    {
        get
        {
            var user = app.User ?? throw new InvalidOperationException("No user is signed in: add 'Given a signed-in owner' first.");
            target.Protect(user.CookieValue);
            return user.CookieHeader;
        }
    }

    [GeneratedRegex(@"<form[^>]*oauth/authorize|name\s*=\s*[""']?decision", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentFormPattern();

    [GeneratedRegex(@"client[\s_-]?secret|redirect[\s_-]?ur[il]", RegexOptions.IgnoreCase)]
    private static partial Regex ClientSettingsPattern();

    private static Regex ConsentForm => ConsentFormPattern();

    private static Regex ClientSettings => ClientSettingsPattern();
}
