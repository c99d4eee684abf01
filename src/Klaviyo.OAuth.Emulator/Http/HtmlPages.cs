using System.Net;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>The web host's HTML pages, with the exact sentences Klaviyo's guide quotes.</summary>
internal static class HtmlPages
{
    public const string CdnHeading = "403 ERROR";
    public const string CdnSentence = "The request could not be satisfied.";
    public const string AccessDenied = "Access to www.klaviyo.com was denied. You don't have authorization to view this page.";
    public const string PageNotFound = "This www.klaviyo.com page can\u2019t be found.";

    public static string Page(string title, string body) =>
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>\n<body>\n{body}\n</body></html>\n";

    public static EmulatorResponse Cdn403(string outcome) =>
        EmulatorResponse.Html(
            403,
            Page("ERROR: The request could not be satisfied",
                $"<h1>{CdnHeading}</h1>\n<h2>{CdnSentence}</h2>\n<p>This distribution is not configured to allow the HTTP request method that was used for this request. The distribution supports only cachable requests.</p>"),
            "403 " + outcome);

    public static EmulatorResponse Denied(string outcome) =>
        EmulatorResponse.Html(403, Page("Access denied", $"<h1>{WebUtility.HtmlEncode(AccessDenied)}</h1>"), "403 " + outcome);

    public static EmulatorResponse NotFound(string outcome) =>
        EmulatorResponse.Html(404, Page("Page not found", $"<h1>{PageNotFound}</h1>"), "404 " + outcome);

    public static EmulatorResponse BadRequest(string message, string outcome) =>
        EmulatorResponse.Html(400, Page("Bad request", $"<h1>Bad request</h1>\n<p>{WebUtility.HtmlEncode(message)}</p>"), "400 " + outcome);

    public static EmulatorResponse Unavailable(string outcome) =>
        EmulatorResponse.Html(503, Page("Service unavailable", "<h1>OAuth is temporarily unavailable.</h1>"), "503 " + outcome)
            .WithHeader("Retry-After", OAuthError.OutageRetryAfterSeconds);
}
