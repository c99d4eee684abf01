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

    /// <summary>
    /// Decodes only the canonical form: the base64url alphabet, no padding, and unused trailing
    /// bits zero, so that one added, removed or altered last character never decodes to the same bytes.
    /// </summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 == 1 || !text.All(IsAlphabet))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return false;
        }

        return Encode(bytes) == text;
    }

    private static bool IsAlphabet(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
