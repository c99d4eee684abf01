using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>The 200 body of a successful token request (RFC 6749 §5.1).</summary>
internal static class TokenResponse
{
    public static EmulatorResponse Of(AccessToken accessToken, string refreshToken, TimeSpan lifetime, string outcome) =>
        EmulatorResponse.Json(
            200,
            JsonText.Serialize(new Dictionary<string, object>
            {
                ["access_token"] = accessToken.Value,
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)lifetime.TotalSeconds,
                ["refresh_token"] = refreshToken,
                ["scope"] = accessToken.Scope,
            }),
            "200 " + outcome);
}
