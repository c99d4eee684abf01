using System.Buffers.Text;
using System.Security.Cryptography;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>Unguessable identifiers and secrets, base64url without padding.</summary>
internal static class RandomValue
{
    public static string Create(int byteCount) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(byteCount));
}

/// <summary>
/// Decodes only canonical base64url (RFC 4648 §5): the alphabet, no padding, and unused trailing bits
/// zero, so that one added, removed or altered last character never decodes to the same bytes.
/// </summary>
internal static class CanonicalBase64Url
{
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return Base64Url.EncodeToString(bytes) == text;
    }
}
