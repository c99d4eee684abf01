namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>
/// How an app presents its client credentials: the right way, and each wrong way the guide's
/// "Invalid client" tips describe.
/// </summary>
public enum ClientCredentialStyle
{
    /// <summary><c>Authorization: Basic base64(id:secret)</c> — the only accepted form.</summary>
    BasicHeader,

    /// <summary>No Authorization header at all.</summary>
    NoHeader,

    /// <summary><c>Basic id:secret</c>, not base64 encoded.</summary>
    NotBase64Encoded,

    /// <summary>Base64 of the id and secret without the colon between them.</summary>
    WithoutColon,

    /// <summary>A prefix other than <c>Basic</c> (here <c>Bearer</c>).</summary>
    WrongPrefix,

    /// <summary>Python-style bytes concatenated into the header: <c>Basic b'…'</c>.</summary>
    BytesLiteral,

    /// <summary>Well-formed, for a client id the target never issued.</summary>
    UnknownClientId,

    /// <summary>Well-formed, with the wrong secret.</summary>
    WrongSecret,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body, no header.</summary>
    InFormBody,

    /// <summary><c>base64(id:secret)</c> alone, with no scheme before it: a common mistake a lenient server might accept.</summary>
    NoScheme,
}
