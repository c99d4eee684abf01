using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Redaction;

/// <summary>
/// Texts shaped like a failed step's message, in the layout of <c>HttpExchange.Describe</c>: an
/// expectation, the request (Basic header, form body with tokens) and the response (headers, JSON body).
/// </summary>
internal static class FailureMessage
{
    public static string ClientId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string ClientSecret { get; } = Token(32);

    public static string RefreshToken { get; } = "klr_" + Token(32);

    public static string AccessToken { get; } = "kla_" + Token(30);

    /// <summary>About 2 KB with a Basic header, a form body with a refresh token and code verifier, and JSON with tokens.</summary>
    public static string WithSecrets { get; } = Build(
        "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")),
        $"grant_type=refresh_token&refresh_token={RefreshToken}&code_verifier={Token(48)}&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback",
        $$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":3600,"refresh_token":"{{RefreshToken}}","scope":"accounts:read"}""");

    /// <summary>The same layout and length with nothing secret in it: what most evidence looks like.</summary>
    public static string Clean { get; } = Build(
        "Accept: application/json",
        "grant_type=refresh_token&scope=accounts%3Aread&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&state=benchmark-state-value",
        """{"error":"invalid_grant","error_description":"Refresh token does not exist","hint":"request a new authorization","scope":"accounts:read"}""");

    private static string Build(string requestHeader, string formBody, string responseJson)
    {
        var text = new StringBuilder()
            .AppendLine("Expected the token endpoint to answer 400 invalid_grant \"Refresh token has been revoked\", but it answered 200.")
            .AppendLine("Request:  POST http://127.0.0.1:41235/oauth/token")
            .Append("  ").AppendLine(requestHeader)
            .AppendLine("  User-Agent: Klaviyo.OAuth.Conformance/0.1.0")
            .AppendLine("  Content-Type: application/x-www-form-urlencoded")
            .Append("  ").AppendLine(formBody)
            .AppendLine("Response: 200 OK")
            .AppendLine("  Cache-Control: no-store")
            .AppendLine("  Pragma: no-cache")
            .AppendLine("  Date: Tue, 02 Dec 2025 10:15:00 GMT")
            .AppendLine("  Content-Type: application/json")
            .Append("  ").AppendLine(responseJson)
            .AppendLine("Scenario: A revoked refresh token is refused (features/revoke/revoke.feature:31)")
            .AppendLine("Steps so far: an app registered with the target; the app holds tokens an owner granted it;")
            .AppendLine("  the app revokes its refresh token; the app refreshes its access token.");
        // Filler prose as assertion libraries write it, to reach the ~2 KB a real message has.
        while (text.Length < 2048)
        {
            text.AppendLine("  Expected response.StatusCode to be HttpStatusCode.BadRequest {value: 400}, but found HttpStatusCode.OK {value: 200}.");
        }

        return text.ToString();
    }

    private static string Token(int bytes) =>
        Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
