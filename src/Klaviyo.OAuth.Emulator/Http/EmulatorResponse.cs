using System.Text;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// A response as the endpoints produce it, with <see cref="Outcome"/>: one line saying why, for
/// the journal and the console (never containing a secret).
/// </summary>
internal sealed record EmulatorResponse(int Status, string? ContentType, string Body, string Outcome)
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Headers { get; private init; } = NoHeaders;

    /// <summary>
    /// The app the model recognised while answering (authenticated credentials, a valid access
    /// token); the journal attributes the request to it.
    /// </summary>
    public string? ClientId { get; private init; }

    /// <summary>This response with the header set (replacing a value of the same name).</summary>
    public EmulatorResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>This response, answered for the app the model recognised.</summary>
    public EmulatorResponse ForClient(string? clientId) => this with { ClientId = clientId };

    /// <summary>
    /// Not an answer: the endpoint hands the request on to WireMock's own pipeline (its stubs, its
    /// proxy), whose answer the host journals and sends.
    /// </summary>
    public static EmulatorResponse ToWireMock(string? clientId) =>
        new(0, null, string.Empty, "handed to WireMock") { HandsToWireMock = true, ClientId = clientId };

    /// <summary>Set on <see cref="ToWireMock"/>: the host lets WireMock answer.</summary>
    public bool HandsToWireMock { get; private init; }

    /// <summary>Hands the request to WireMock's proxy past every user mapping: the upstream answers, never a stub.</summary>
    public static EmulatorResponse ToWireMockPastStubs(string? clientId) => ToWireMock(clientId) with { PastUserStubs = true };

    /// <summary>Set by <see cref="ToWireMockPastStubs"/>.</summary>
    public bool PastUserStubs { get; private init; }

    /// <summary>What answers when WireMock has no mapping for the request (null: WireMock's own 404).</summary>
    public Func<EmulatorResponse>? Unmatched { get; private init; }

    /// <summary>
    /// Hands the request to WireMock's admin API, whose own failures (a 500 with a stack trace, for a
    /// body it cannot read) become one 400 for the caller.
    /// </summary>
    public static EmulatorResponse ToWireMockAdmin() => ToWireMock(null) with { WireMockFailureIsBadInput = true };

    /// <summary>Set by <see cref="ToWireMockAdmin"/>.</summary>
    public bool WireMockFailureIsBadInput { get; private init; }

    /// <summary>Hands the request to WireMock's stubs; when none matches, <paramref name="unmatched"/> answers.</summary>
    public static EmulatorResponse ToWireMockElse(Func<EmulatorResponse> unmatched, string? clientId) => ToWireMock(clientId) with { Unmatched = unmatched };

    public static EmulatorResponse Empty(int status, string outcome) => new(status, null, string.Empty, outcome);

    public static EmulatorResponse Json(int status, string json, string outcome) => new(status, "application/json", json, outcome);

    public static EmulatorResponse Html(int status, string html, string outcome) => new(status, "text/html; charset=utf-8", html, outcome);

    public static EmulatorResponse Redirect(string location, string outcome) =>
        Empty(302, outcome).WithHeader("Location", location);
}
