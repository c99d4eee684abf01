using System.Globalization;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The API's refusals that an app's retry and re-authentication logic meets, each built in this one
/// place, for the model's own checks and for injected answers alike.
/// </summary>
internal static class ApiRefusals
{
    /// <summary>
    /// Seen on Klaviyo's 401 for a bad API key; that a Bearer 401 carries it too is the natural
    /// reading (no capture of one exists).
    /// </summary>
    public const string Challenge = "Bearer, Klaviyo-API-Key";

    public const string ThrottledCode = "throttled";
    public const string ThrottledTitle = "Request was throttled.";

    public static EmulatorResponse Unavailable(string outcome) =>
        JsonApiError.Of(503, "service_unavailable", "Service temporarily unavailable.", "The API is temporarily unavailable. Try again later.", outcome)
            .WithHeader("Retry-After", OAuthError.OutageRetryAfterSeconds);

    public static EmulatorResponse NotAuthenticated(string outcome) =>
        JsonApiError.Of(401, "not_authenticated", JsonApiError.NotAuthenticatedTitle, "Authentication credentials were not provided.", outcome)
            .WithHeader("WWW-Authenticate", Challenge);

    public static EmulatorResponse AuthenticationFailed(string outcome) =>
        JsonApiError.Of(401, "authentication_failed", JsonApiError.AuthenticationFailedTitle, "Incorrect authentication credentials.", outcome)
            .WithHeader("WWW-Authenticate", Challenge);

    public static EmulatorResponse NoValidRevision(string outcome) =>
        JsonApiError.Of(404, "not_found", "Not found.", ApiRevision.NoValidRevision, outcome);

    /// <summary>
    /// Klaviyo's 429 (observed): "Expected available in N second(s)." with N the whole seconds of
    /// the wait, rounded down as Klaviyo's "0 seconds" shows, and Retry-After N (left out at 0
    /// unless <paramref name="retryAfterAtZero"/>). No RateLimit-* header on it (documented).
    /// </summary>
    public static EmulatorResponse Throttled(TimeSpan wait, bool retryAfterAtZero, string outcome)
    {
        var seconds = Math.Max(0, (long)Math.Floor(wait.TotalSeconds));
        var count = seconds.ToString(CultureInfo.InvariantCulture);
        var response = JsonApiError.Of(429, ThrottledCode, ThrottledTitle, $"{ThrottledTitle} Expected available in {count} second{(seconds == 1 ? string.Empty : "s")}.", outcome);
        return seconds > 0 || retryAfterAtZero ? response.WithHeader("Retry-After", count) : response;
    }

    /// <summary>Every answer but a 429 says where the app stands in the window closest to refusing (documented).</summary>
    public static EmulatorResponse WithRateLimitHeaders(EmulatorResponse response, ApiRateDecision decision) =>
        response.Status == 429
            ? response
            : response
                .WithHeader("RateLimit-Limit", decision.Limit.ToString(CultureInfo.InvariantCulture))
                .WithHeader("RateLimit-Remaining", decision.Remaining.ToString(CultureInfo.InvariantCulture))
                .WithHeader("RateLimit-Reset", Math.Max(0, (long)Math.Ceiling(decision.ResetIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
}
