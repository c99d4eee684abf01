using System.Text;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// A response as the endpoints produce it, with <see cref="Outcome"/>: one line saying why, for
/// the journal and the console (never containing a secret).
/// </summary>
internal sealed record EmulatorResponse(int Status, string? ContentType, string Body, string Outcome)
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public EmulatorResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>
    /// Not an answer: the endpoint hands the request on to WireMock's own pipeline (its stubs, its
    /// proxy), whose answer the host journals and sends.
    /// </summary>
    public static readonly EmulatorResponse ToWireMock = new(0, null, string.Empty, "handed to WireMock");

    public static EmulatorResponse Empty(int status, string outcome) => new(status, null, string.Empty, outcome);

    public static EmulatorResponse Json(int status, string json, string outcome) => new(status, "application/json", json, outcome);

    public static EmulatorResponse Html(int status, string html, string outcome) => new(status, "text/html; charset=utf-8", html, outcome);

    public static EmulatorResponse Redirect(string location, string outcome) =>
        Empty(302, outcome).WithHeader("Location", location);
}
