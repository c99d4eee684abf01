using System.Collections.Frozen;

namespace Klaviyo.OAuth.Guide.Tips;

/// <summary>Every tip of the guide's "Troubleshooting tips" section, in the guide's order (docs/diagnosis.md).</summary>
public static class TipCatalogue
{
    private const string InvalidClient = "Invalid client";
    private const string InvalidGrantType = "Invalid grant type";

    private static readonly Tip[] Entries =
    [
        new("tip.client-id", InvalidClient,
            "Your client id is correct.",
            "Basic credentials decode, but the client id is not one the server issued.",
            ["token.invalid-client", "revoke.invalid-client"]),
        new("tip.credentials-base64", InvalidClient,
            "[ID]:[SECRET] is base64 encoded.",
            "Basic id:secret in clear; or the value is not valid base64; or it decodes to bytes that are not UTF-8.",
            ["token.invalid-client", "revoke.invalid-client"]),
        new("tip.basic-prefix", InvalidClient,
            "The prefix is Basic and is base64 encoded.",
            "The scheme is Bearer, missing or misspelled, or the word Basic itself was encoded (only the credentials are).",
            ["token.invalid-client", "revoke.invalid-client"]),
        new("tip.bytes-to-string", InvalidClient,
            "You converted the base64 encoded credentials back to a string when concatenating with Basic. In some languages, the encoding creates bytes or some other format.",
            "Basic b'…' or Basic b\"…\": a bytes literal printed into the header.",
            ["token.invalid-client", "revoke.invalid-client"]),
        new("tip.authorization-header", InvalidClient,
            "The authorization header on your request is correct. Example: Authorization: Basic <base64 encoded client_id:client_secret>.",
            "No Authorization header; credentials sent in the form body or query string; no ':' after decoding; a wrong secret; two Authorization headers.",
            ["token.invalid-client", "revoke.invalid-client"]),
        new("tip.grant-type", InvalidGrantType,
            "You're sending the correct grant type. Example: authorization_code, refresh_token.",
            "grant_type missing, empty, misspelled (refresh-token, Refresh_Token) or another grant.",
            ["token.unsupported-grant-type"]),
        new("tip.form-body", InvalidGrantType,
            "Your request body is application/x-www-form-urlencoded. Double check that you're doing this correctly in your language of choice.",
            "The body sent as JSON, multipart or in the query string; the content type missing or another type.",
            ["token.unsupported-grant-type", "revoke.invalid-request"]),
        new("tip.refresh-token-invalid", InvalidGrantType,
            "If you're trying to use a refresh token and your request looks correct, this means that the refresh token is invalid because it is expired or revoked.",
            "invalid_grant on a well-formed refresh request.",
            ["token.refresh.revoked", "token.refresh.not-found", "token.refresh.inactive"]),
        new("tip.code-verifier-pattern", "Invalid code verifier",
            "Verify that your code matches this regex pattern which is the specifications of code verifiers: r'^[a-zA-Z0-9\\-._~]{43,128}$'",
            "The verifier is too short or too long (say which length), or has a character outside the set (say which, and where).",
            ["token.pkce.invalid-verifier"]),
        new("tip.code-challenge-s256", "Code challenge failed",
            "Please double-check that you're sending the correct code verifier and hashing your code_verifier with S256.",
            "The verifier is well formed but its S256 hash is not the challenge: plain hashing if the verifier equals the challenge, or a verifier of another authorization of the same client.",
            ["token.pkce.challenge-failed"]),
        new("tip.api-host", "403 HTML on /token or /revoke",
            "Verify that you're making your request to the correct URL: requests to directly klaviyo.com will fail.",
            "A token or revoke request sent to the web host (www.klaviyo.com or klaviyo.com) instead of a.klaviyo.com.",
            ["token.wrong-host", "revoke.wrong-host"]),
    ];

    private static readonly FrozenDictionary<string, Tip> ById = Entries.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>All tips, in the guide's order.</summary>
    public static IReadOnlyList<Tip> All => Entries;

    /// <summary>The tip with this id, or null.</summary>
    public static Tip? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }
}
