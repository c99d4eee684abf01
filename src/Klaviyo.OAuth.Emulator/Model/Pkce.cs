using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>PKCE as RFC 7636 defines it and Klaviyo's guide quotes it (S256 only).</summary>
// Written apart from the suite's CodeVerifier on purpose: the suite must never verify the emulator with the emulator's own code.
internal static partial class Pkce
{
    public const string S256 = "S256";

    /// <summary>The guide's regex: ^[a-zA-Z0-9\-._~]{43,128}$.</summary>
    public static bool IsWellFormedVerifier(string? verifier) => verifier is not null && VerifierShape().IsMatch(verifier);

    /// <summary>
    /// A challenge is accepted at authorization if it uses the verifier alphabet; it need not be a
    /// real S256 hash, so that a client which sends its verifier as the challenge ("plain") gets
    /// "Code challenge failed." at the token endpoint, as the guide describes.
    /// </summary>
    public static bool IsAcceptableChallenge(string? challenge) => IsWellFormedVerifier(challenge);

    /// <summary>BASE64URL(SHA256(ASCII(verifier))).</summary>
    public static string ChallengeFor(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool Satisfies(string verifier, string challenge) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChallengeFor(verifier)), Encoding.ASCII.GetBytes(challenge));

    [GeneratedRegex(@"^[a-zA-Z0-9\-._~]{43,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex VerifierShape();
}
