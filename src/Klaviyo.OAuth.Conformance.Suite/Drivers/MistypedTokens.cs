using System.Security.Cryptography;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Tokens a careless app might send: never issued, truncated, mistyped, or of the right shape but unknown.</summary>
public static class MistypedTokens
{
    /// <summary>Sent where the token does not matter (the request is refused before it is read) and no real one is held.</summary>
    public const string Placeholder = "never-issued-refresh-token";

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

    /// <summary>A token of the same shape as <paramref name="token"/> (prefix and length kept) that no one issued.</summary>
    public static string SameShapeNeverIssued(string token)
    {
        var keep = Math.Max(0, token.Length - 12);
        var characters = token.ToCharArray();
        for (var i = keep; i < characters.Length; i++)
        {
            characters[i] = OneCharacterChanged(characters[i].ToString())[0];
        }

        return new string(characters);
    }
}
