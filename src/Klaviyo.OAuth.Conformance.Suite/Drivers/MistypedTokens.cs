using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Security.Cryptography;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Tokens a careless app might send: never issued, truncated, mistyped, or of the right shape but unknown.</summary>
public static class MistypedTokens
{
    /// <summary>Sent where the token does not matter (the request is refused before it is read) and no real one is held.</summary>
    public const string Placeholder = "never-issued-refresh-token";

    /// <summary>
    /// Credentials of an app no target registered, for requests whose answer does not depend on the
    /// app (the web host's CDN page): no real secret is sent where it does not belong.
    /// </summary>
    public static Klaviyo.OAuth.Conformance.Targets.AppRegistration PlaceholderApp { get; } =
        new(Klaviyo.OAuth.Conformance.Http.ClientCredentials.UnknownClientId, "placeholder-client-secret", null);

    public static string NeverIssued() => "never-issued-" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static string Truncated(string token) => token[..Math.Max(1, token.Length - 5)];

    /// <summary>The same token with its middle character changed to another of the same kind.</summary>
    public static string OneCharacterChanged(string token)
    {
        var characters = token.ToCharArray();
        var i = characters.Length / 2;
        characters[i] = characters[i] switch
        {
            >= '0' and < '9' or >= 'a' and < 'z' or >= 'A' and < 'Z' => (char)(characters[i] + 1),
            '9' => '0',
            'z' => 'a',
            'Z' => 'A',
            _ => 'x',
        };
        return new string(characters);
    }

    /// <summary>
    /// A token of the same shape as <paramref name="token"/> that no one issued. For a JWT (three
    /// dot-separated segments) the header and claims are kept but for a fresh "jti", and the
    /// signature is replaced by random bytes of the same length, so the token is still a well-formed
    /// JWT that shares no secret part with the real one; for an opaque token the prefix and length
    /// are kept.
    /// </summary>
    public static string SameShapeNeverIssued(string token)
    {
        if (token.Split('.') is [var header, var payload, var signature] && signature.Length > 1)
        {
            return $"{header}.{WithAnotherJti(payload)}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(signature.Length * 6 / 8))}";
        }

        var keep = Math.Max(0, token.Length - 12);
        var characters = token.ToCharArray();
        for (var i = keep; i < characters.Length; i++)
        {
            characters[i] = OneCharacterChanged(characters[i].ToString())[0];
        }

        return new string(characters);
    }

    /// <summary>The claims with "jti" (when there is one) replaced by random characters of the same length.</summary>
    private static string WithAnotherJti(string payload)
    {
        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(payload)) is JsonObject claims && claims["jti"] is JsonValue jti && jti.TryGetValue<string>(out var value))
            {
                claims["jti"] = RandomNumberGenerator.GetString(Base64UrlAlphabet, value.Length);
                return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Claims that are not base64url JSON stay as they are; the signature alone makes the token a stranger.
        }

        return payload;
    }

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}
