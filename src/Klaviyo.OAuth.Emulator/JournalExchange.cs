namespace Klaviyo.OAuth.Emulator;

/// <summary>
/// What the client-conduct rules need of one request and its answer, with every secret value
/// (client secret, tokens, codes, verifiers, Basic credentials) replaced by a fingerprint that is
/// stable within one emulator: rules can tell tokens apart and see shapes, a reader learns nothing.
/// Cookies and other headers are left out. <see cref="Body"/> is the form body, re-encoded.
/// </summary>
public sealed record JournalExchange(
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? ResponseBody);
