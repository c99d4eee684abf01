using System.Security.Cryptography;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>Unguessable identifiers and secrets, base64url without padding.</summary>
internal static class RandomValue
{
    public static string Create(int byteCount) => Base64Url.Encode(RandomNumberGenerator.GetBytes(byteCount));
}

/// <summary>Base64url (RFC 4648 §5) without padding, as PKCE and our token shapes use it.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
