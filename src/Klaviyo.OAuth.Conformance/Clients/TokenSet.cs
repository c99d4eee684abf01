using System.Text.Json;
using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Clients;

/// <summary>The tokens a grant gave the app; the access token changes on refresh, the refresh token does not.</summary>
public sealed record TokenSet(string? AccessToken, string RefreshToken, int? ExpiresIn)
{
    /// <summary>The tokens of a successful token response (200 with a refresh_token), or null when it is not one.</summary>
    public static TokenSet? Issued(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (exchange.Status != 200 || exchange.JsonString("refresh_token") is not { } refreshToken)
        {
            return null;
        }

        // A lifetime may come as 3600 or 3600.0; anything else means "unknown", never a failure here.
        int? expiresIn = exchange.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("expires_in", out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is > 0 and < int.MaxValue
                ? (int)Math.Ceiling(seconds)
                : null;
        return new TokenSet(exchange.JsonString("access_token"), refreshToken, expiresIn);
    }

    // Tokens are secrets: never in a log line or a failure message.
    public override string ToString() => $"tokens (redacted), expires in {ExpiresIn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} s";
}
