using System.Buffers.Text;
using System.Security.Cryptography;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>Unguessable identifiers and secrets, base64url without padding.</summary>
internal static class RandomValue
{
    public static string Create(int byteCount) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(byteCount));
}

