namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>RFC 6749 §5.2 error responses as the token and revoke endpoints send them.</summary>
internal static class OAuthError
{
    /// <summary>Seconds a client should wait after a 503; short, as the outage is switched by a test.</summary>
    public const string OutageRetryAfterSeconds = "1";

    public static EmulatorResponse Of(int status, string error, string? description, string outcome) =>
        EmulatorResponse.Json(status, JsonText.Error(error, description), $"{status} {error}: {outcome}");

    public static EmulatorResponse Unavailable(string outcome) =>
        Of(503, "temporarily_unavailable", null, outcome).WithHeader("Retry-After", OutageRetryAfterSeconds);

    /// <summary>RFC 6749 §5.1: token responses, success or error, must not be cached.</summary>
    public static EmulatorResponse NoStore(EmulatorResponse response) =>
        response.WithHeader("Cache-Control", "no-store").WithHeader("Pragma", "no-cache");
}
