using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// A target that answers every request with the request itself, in every form a careless server
/// might: raw in prose, JSON-escaped, HTML-escaped, base64 and base64url, and in response headers.
/// </summary>
public static class EchoTarget
{
    public const string ClientId = "0123456789abcdef01234567";
    // Random, so that no 12 characters of them occur in ordinary output by chance.
    public const string ClientSecret = "Qm9vWmFwUGxvcA7e2Kd9xRtL0pVbN3sJ";
    public const string RefreshToken = "klr_Z8q3Xv0pLmN4rT7yW2sK9bH6dJ1fG5hQ0cVxUe8aB2";
    public const string AccessToken = "kla_J5tG1cV8nB3mX6zQ0wE4rY7uP2kL9sD4fH1jA3oI6e";

    /// <summary>The configured secrets and the credential forms the suite derives from them, by description.</summary>
    public static IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["client secret"] = ClientSecret,
        ["refresh token"] = RefreshToken,
        ["access token"] = AccessToken,
        ["Basic credentials"] = Base64($"{ClientId}:{ClientSecret}"),
        ["Basic credentials without the colon"] = Base64(ClientId + ClientSecret),
        ["Basic credentials with a wrong secret"] = Base64($"{ClientId}:{ClientSecret}x"),
        ["Basic credentials of an unknown client"] = SecretPart("unregistered-conformance-client:", ClientSecret),
    };

    /// <summary>
    /// The part of base64(<paramref name="publicPrefix"/> + secret) that encodes the secret: the run
    /// before it encodes only the public prefix, which the suite may well show (its placeholder app's
    /// credentials, base64("unregistered-conformance-client:placeholder-client-secret"), begin the same).
    /// </summary>
    private static string SecretPart(string publicPrefix, string secret) =>
        Base64(publicPrefix + secret)[(Encoding.UTF8.GetByteCount(publicPrefix) / 3 * 4)..];

    public static async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new StringBuilder()
            .Append(context.Request.Method).Append(' ').Append(context.Request.Path).Append(context.Request.QueryString).Append('\n');
        foreach (var (name, values) in context.Request.Headers)
        {
            request.Append(name).Append(": ").Append(values.ToString()).Append('\n');
        }

        var raw = request.Append('\n').Append(body).ToString();
        var base64 = Base64(raw);
        var base64Url = base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorization = context.Request.Headers.Authorization.ToString();

        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        // Header values must stay ASCII and on one line; the encoded forms are.
        context.Response.Headers["X-Echo-Authorization"] = new string(authorization.Where(c => c is >= ' ' and <= '~').ToArray());
        context.Response.Headers["X-Echo-Base64"] = base64;
        context.Response.Headers["X-Echo-Body-Base64"] = Base64(body);
        var answer = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error"] = "invalid_request",
            ["error_description"] = $"We received {raw} and could not use it. Your credentials were {authorization}.",
            ["request_html"] = WebUtility.HtmlEncode(raw),
            ["request_base64"] = base64,
            ["request_base64url"] = base64Url,
            ["body_url_decoded"] = Uri.UnescapeDataString(body.Replace('+', ' ')),
        });
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
