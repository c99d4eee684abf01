using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// Today's Klaviyo access token: a JWT (header.payload.signature, base64url), HS256-signed with a
/// key that lives and dies with this emulator. Well formed means: three canonical base64url
/// segments; a header that is a JSON object with "alg":"HS256"; a payload that is a JSON object; a
/// 32-byte signature. A token truncated or with a character added breaks the signature's length or
/// canonical form, so it is not well formed; a well-formed JWT with a signature of its own is
/// simply never issued.
/// </summary>
internal sealed class JwtAccessTokenShape : AccessTokenShape
{
    public const string Algorithm = "HS256";
    private const int SignatureBytes = 32;
    private const int MaxLength = 8 * 1024;

    // Serialized once, in this order, so every token starts "eyJhbGci" as Klaviyo's do.
    private static readonly byte[] HeaderAscii = Encoding.ASCII.GetBytes(Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8));

    // A payload is about 380 bytes; one buffer of this size holds it without growing.
    private const int PayloadCapacity = 512;

    // The jti is long on purpose: with a short scope the token is about 536 characters, Klaviyo's length,
    // so an app that stores tokens in a narrow column fails here as it would in production.
    private const int JtiBytes = 72;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public override string Create(AccessTokenClaims claims)
    {
        // Tokens are minted on every grant: the signing input is written once, as ASCII bytes, and
        // signed and encoded in place (on the stack); the token string is the only thing allocated for its length.
        var payload = new ArrayBufferWriter<byte>(PayloadCapacity);
        WritePayload(claims, payload);
        var payloadLength = Base64Url.GetEncodedLength(payload.WrittenCount);
        var signingLength = HeaderAscii.Length + 1 + payloadLength;
        var tokenLength = signingLength + 1 + Base64Url.GetEncodedLength(SignatureBytes);
        Span<byte> token = tokenLength <= 1024 ? stackalloc byte[tokenLength] : new byte[tokenLength];
        HeaderAscii.CopyTo(token);
        token[HeaderAscii.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(payload.WrittenSpan, token[(HeaderAscii.Length + 1)..]);
        Span<byte> signature = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(_key, token[..signingLength], signature);
        token[signingLength] = (byte)'.';
        Base64Url.EncodeToUtf8(signature, token[(signingLength + 1)..]);
        return Encoding.ASCII.GetString(token);
    }

    public override bool IsWellFormed(string? value)
    {
        if (value is null || value.Length > MaxLength || value.Split('.') is not [var header, var payload, var signature])
        {
            return false;
        }

        return CanonicalBase64Url.TryDecode(signature, out var signatureBytes) && signatureBytes.Length == SignatureBytes
            && CanonicalBase64Url.TryDecode(header, out var headerBytes) && SignsWithThisAlgorithm(headerBytes)
            && CanonicalBase64Url.TryDecode(payload, out var payloadBytes) && IsJsonObject(payloadBytes);
    }

    private static void WritePayload(AccessTokenClaims claims, IBufferWriter<byte> buffer)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("iss", "klaviyo-emulator");
        json.WriteString("aud", "klaviyo-api");
        json.WriteString("sub", claims.AccountId);
        json.WriteString("client_id", claims.ClientId);
        json.WriteString("azp", claims.ClientId);
        json.WriteString("scope", claims.Scope);
        json.WriteString("token_use", "access");
        json.WriteNumber("iat", claims.IssuedAt.ToUnixTimeSeconds());
        json.WriteNumber("nbf", claims.IssuedAt.ToUnixTimeSeconds());
        json.WriteNumber("exp", claims.ExpiresAt.ToUnixTimeSeconds());
        Span<byte> jti = stackalloc byte[JtiBytes];
        RandomNumberGenerator.Fill(jti);
        Span<byte> jtiText = stackalloc byte[Base64Url.GetEncodedLength(JtiBytes)];
        Base64Url.EncodeToUtf8(jti, jtiText);
        json.WriteString("jti"u8, jtiText);
        json.WriteEndObject();
    }

    private static bool SignsWithThisAlgorithm(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.ValueEquals(Algorithm);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One JSON object and nothing after it, read without building a document.</summary>
    private static bool IsJsonObject(byte[] utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
