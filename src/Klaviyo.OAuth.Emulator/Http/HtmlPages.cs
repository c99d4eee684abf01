using System.Net;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The web host's HTML answers. The CDN's 403 page carries the sentence the guide quotes. The role
/// denial (403) and the missing page (404) carry no body at all: the guide's sentences for them
/// ("Access to www.klaviyo.com was denied…", "This www.klaviyo.com page can’t be found.") are the
/// browser's own error pages, which a browser shows only when the server sends an empty body.
/// </summary>
internal static class HtmlPages
{
    public const string CdnHeading = "403 ERROR";
    public const string CdnSentence = "The request could not be satisfied.";

    public static string Page(string title, string body) =>
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>\n<body>\n{body}\n</body></html>\n";

    public static EmulatorResponse Cdn403(string outcome) =>
        EmulatorResponse.Html(
            403,
            Page("ERROR: The request could not be satisfied",
                $"<h1>{CdnHeading}</h1>\n<h2>{CdnSentence}</h2>\n<p>This distribution is not configured to allow the HTTP request method that was used for this request. The distribution supports only cachable requests.</p>"),
            "403 " + outcome);

    public static EmulatorResponse Denied(string outcome) => EmulatorResponse.Html(403, string.Empty, "403 " + outcome);

    public static EmulatorResponse NotFound(string outcome) => EmulatorResponse.Html(404, string.Empty, "404 " + outcome);

    public static EmulatorResponse BadRequest(string message, string outcome) =>
        EmulatorResponse.Html(400, Page("Bad request", $"<h1>Bad request</h1>\n<p>{WebUtility.HtmlEncode(message)}</p>"), "400 " + outcome);

    public static EmulatorResponse Unavailable(string outcome) =>
        EmulatorResponse.Html(503, Page("Service unavailable", "<h1>OAuth is temporarily unavailable.</h1>"), "503 " + outcome)
            .WithHeader("Retry-After", OAuthError.OutageRetryAfterSeconds);
}
