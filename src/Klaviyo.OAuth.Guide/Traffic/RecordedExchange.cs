using System.Text;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// One HTTP request an app sent, as captured (a HAR entry, a curl command line, a raw request or
/// the emulator's journal), with the response when the capture has one.
/// </summary>
/// <param name="Time">When the request was sent, when the capture says.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Url">The absolute URL, query included.</param>
/// <param name="RequestHeaders">The request's headers, repeated names kept.</param>
/// <param name="RequestBody">The request body's bytes; empty when there was none.</param>
/// <param name="Response">The response, when the capture has one.</param>
public sealed record RecordedExchange(
    DateTimeOffset? Time,
    string Method,
    Uri Url,
    RecordedHeaders RequestHeaders,
    ReadOnlyMemory<byte> RequestBody,
    RecordedResponse? Response = null)
{
    /// <summary>The request body as text (UTF-8; bytes that are not UTF-8 show as U+FFFD).</summary>
    public string RequestBodyText => Encoding.UTF8.GetString(RequestBody.Span);

    /// <summary>The request's content type without parameters, lower case, or null.</summary>
    public string? ContentType => RecordedResponse.MediaType(RequestHeaders.First("Content-Type"));
}

/// <summary>The response to a <see cref="RecordedExchange"/>.</summary>
public sealed record RecordedResponse(int Status, RecordedHeaders Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>The body as text (UTF-8; bytes that are not UTF-8 show as U+FFFD).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The response's content type without parameters, lower case, or null.</summary>
    public string? ContentType => MediaType(Headers.First("Content-Type"));

    internal static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}
