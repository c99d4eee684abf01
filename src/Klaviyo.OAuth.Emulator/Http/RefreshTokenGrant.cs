using System.Globalization;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>grant_type=refresh_token, with the guide's exact error descriptions.</summary>
internal sealed class RefreshTokenGrant(Emulation emulation)
{
    public const string MissingToken = "Missing \"refresh_token\" in request.";
    public const string NotFound = "Refresh token does not exist";
    public const string Revoked = "Refresh token has been revoked";
    public const string Inactive = "Refresh token expired due to inactivity";
    public const string RateLimited = "Rate limit exceeded for refresh token. Please try again after 1 minute.";

    public EmulatorResponse Exchange(Client client, FormFields form)
    {
        var refreshToken = form["refresh_token"];
        if (string.IsNullOrEmpty(refreshToken))
        {
            return MissingRefreshToken("refresh_token missing");
        }

        var outcome = emulation.Tokens.Refresh(client.Id, refreshToken);
        return outcome.Refusal == RefreshRefusal.None
            ? TokenResponse.Of(outcome.AccessToken!, refreshToken, emulation.Options.AccessTokenLifetime, "refresh token used")
            : Refused(outcome.Refusal, outcome.RetryAfter, null);
    }

    public static EmulatorResponse MissingRefreshToken(string outcome) => OAuthError.Of(400, "invalid_request", MissingToken, outcome);

    /// <summary>The answer to a refused refresh; <paramref name="outcome"/> replaces the model's reason (an injected answer says so).</summary>
    public static EmulatorResponse Refused(RefreshRefusal refusal, TimeSpan retryAfter, string? outcome) => refusal switch
    {
        RefreshRefusal.NotFound => OAuthError.Of(400, "invalid_grant", NotFound, outcome ?? "refresh token unknown: never issued, or issued to another client"),
        RefreshRefusal.Revoked => OAuthError.Of(400, "invalid_grant", Revoked, outcome ?? "refresh token revoked"),
        RefreshRefusal.Inactive => OAuthError.Of(400, "invalid_grant", Inactive, outcome ?? "refresh token unused for too long"),
        _ => OAuthError.Of(429, "rate_limit_exceeded", RateLimited, outcome ?? "refresh token used too often")
            .WithHeader("Retry-After", RetryAfterSeconds(retryAfter)),
    };

    private static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
