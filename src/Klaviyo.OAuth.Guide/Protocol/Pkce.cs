using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Guide.Protocol;

/// <summary>
/// PKCE as RFC 7636 defines it and Klaviyo's guide quotes it (S256 only), defined once for the
/// emulator, the diagnosis, grading and the suite's drivers.
/// </summary>
public static partial class Pkce
{
    /// <summary>The only code_challenge_method Klaviyo accepts.</summary>
    public const string S256 = "S256";

    /// <summary>
    /// The guide's pattern, <c>^[a-zA-Z0-9\-._~]{43,128}$</c>, anchored with <c>\z</c>: in .NET
    /// <c>$</c> also matches before a final newline, which would accept a verifier the guide refuses.
    /// </summary>
    public const string VerifierPattern = @"^[a-zA-Z0-9\-._~]{43,128}\z";

    public const int MinimumVerifierLength = 43;

    public const int MaximumVerifierLength = 128;

    /// <summary>RFC 7636 Appendix B: this verifier hashes to <see cref="Rfc7636Challenge"/>.</summary>
    public const string Rfc7636Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string Rfc7636Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private static readonly SearchValues<char> UnreservedValues = SearchValues.Create(Unreserved);

    public static bool IsWellFormedVerifier(string? verifier) => verifier is not null && VerifierShape().IsMatch(verifier);

    /// <summary>
    /// Why a verifier fails <see cref="VerifierPattern"/>: its length, or the first character
    /// outside the alphabet; null when it is well formed.
    /// </summary>
    public static VerifierFault? FaultOf(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (IsWellFormedVerifier(verifier))
        {
            return null;
        }

        if (verifier.Length is < MinimumVerifierLength or > MaximumVerifierLength)
        {
            return new VerifierFault(verifier.Length, null);
        }

        return new VerifierFault(verifier.Length, verifier.AsSpan().IndexOfAnyExcept(UnreservedValues));
    }

    /// <summary>
    /// A challenge is accepted at authorization if it uses the verifier alphabet; it need not be a
    /// real S256 hash, so that a client which sends its verifier as the challenge ("plain") gets
    /// "Code challenge failed." at the token endpoint, as the guide describes.
    /// </summary>
    public static bool IsAcceptableChallenge(string? challenge) => IsWellFormedVerifier(challenge);

    /// <summary>BASE64URL(SHA256(ASCII(verifier))), without padding.</summary>
    public static string ChallengeFor(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Whether the verifier's S256 hash is the challenge, compared in fixed time.</summary>
    public static bool Satisfies(string verifier, string challenge) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChallengeFor(verifier)), Encoding.ASCII.GetBytes(challenge));

    /// <summary>A fresh random verifier of the given length (43 to 128 for a well-formed one).</summary>
    public static string GenerateVerifier(int length = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return RandomNumberGenerator.GetString(Unreserved, length);
    }

    [GeneratedRegex(VerifierPattern, RegexOptions.CultureInvariant)]
    private static partial Regex VerifierShape();
}

/// <summary>
/// A verifier the pattern refuses: its length, and when the length is allowed, the index of the
/// first character outside the alphabet.
/// </summary>
public sealed record VerifierFault(int Length, int? BadCharacterAt);
