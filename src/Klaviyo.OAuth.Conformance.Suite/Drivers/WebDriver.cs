using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Web;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// What a signed-in user's browser does on the web host: opens the authorization page, approves the
/// app (PKCE S256), follows the redirect back to the app; opens the OAuth client page.
/// </summary>
public sealed partial class WebDriver(TargetExchanges target, AppUnderTest app)
{
    public const string Scope = AssistedSignIn.Scope;

    public Task<HttpExchange> OpenAuthorizationPageAsync(string codeChallenge, string state) =>
        target.SendAsync(WithSession(new OutgoingRequest(HttpMethod.Get, new Uri(target.Web("oauth/authorize") + "?" + AuthorizationParameters(codeChallenge, state).Encode()))));

    /// <summary>Opens the authorization page and approves; the exchange recorded is the approval's redirect.</summary>
    public async Task<HttpExchange> ApproveAsync(string codeVerifier, string? codeChallenge = null)
    {
        var challenge = codeChallenge ?? Pkce.ChallengeFor(codeVerifier);
        var state = RandomNumberGenerator.GetHexString(16, lowercase: true);
        var page = await OpenAuthorizationPageAsync(challenge, state);
        if (page.Status != 200)
        {
            return page;
        }

        var approval = await target.SendAsync(WithSession(new OutgoingRequest(HttpMethod.Post, target.Web("oauth/authorize"))
            .WithBody(AuthorizationParameters(challenge, state).With("decision", "allow").Encode(), FormBody.MediaType)));
        if (RedirectParameters(approval).TryGetValue("code", out var code))
        {
            target.Protect(code);
            target.Protect(codeVerifier);
            app.Authorization = new PendingAuthorization(code, codeVerifier, challenge, state);
        }

        return approval;
    }

    public Task<HttpExchange> OpenClientPageAsync() =>
        target.SendAsync(WithSession(new OutgoingRequest(HttpMethod.Get, target.Web("oauth/client"))));

    /// <summary>The query parameters of a redirect's Location (empty when the exchange is not a redirect).</summary>
    public static Dictionary<string, string> RedirectParameters(HttpExchange exchange)
    {
        if (exchange.Header("Location") is not { } location || !Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            return [];
        }

        // A repeated parameter counts by its first value.
        var query = HttpUtility.ParseQueryString(uri.Query);
        return query.AllKeys.OfType<string>().ToDictionary(name => name, name => query.GetValues(name)![0], StringComparer.Ordinal);
    }

    /// <summary>Whether the answer is a page on which the user could approve the app: a form posting to the authorization endpoint.</summary>
    public static bool ShowsTheConsentForm(HttpExchange exchange) => ConsentForm.IsMatch(exchange.Body);

    /// <summary>Whether the answer is the OAuth client page, whatever its status: a page about an app's secret or redirect URLs.</summary>
    public static bool ShowsTheClientPage(HttpExchange exchange) => ClientSettings.IsMatch(exchange.Body);

    private FormBody AuthorizationParameters(string codeChallenge, string state) =>
        new AuthorizationRequest(target.Web(string.Empty), Registration.ClientId, Registration.RequiredRedirectUri, Scope, state, codeChallenge).Parameters;

    private OutgoingRequest WithSession(OutgoingRequest request)
    {
        var user = app.User ?? throw new InvalidOperationException("No user is signed in: add 'Given a signed-in owner' first.");
        target.Protect(user.CookieValue);
        return request.WithHeader("Cookie", user.CookieHeader);
    }

    private AppRegistration Registration =>
        app.Registration ?? throw new InvalidOperationException("The scenario has no app yet: start it with 'Given an app registered with the target'.");

    [GeneratedRegex(@"<form[^>]*oauth/authorize|name\s*=\s*[""']?decision", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentFormPattern();

    [GeneratedRegex(@"client[\s_-]?secret|redirect[\s_-]?ur[il]", RegexOptions.IgnoreCase)]
    private static partial Regex ClientSettingsPattern();

    private static Regex ConsentForm => ConsentFormPattern();

    private static Regex ClientSettings => ClientSettingsPattern();
}
