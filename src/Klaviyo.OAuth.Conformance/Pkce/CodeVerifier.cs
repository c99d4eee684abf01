using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Conformance.Pkce;

/// <summary>PKCE (RFC 7636) as Klaviyo applies it: S256 only, verifiers of 43–128 unreserved characters.</summary>
public static partial class CodeVerifier
{
    /// <summary>The guide's pattern for a well-formed verifier.</summary>
    public const string Pattern = @"^[a-zA-Z0-9\-._~]{43,128}$";

    /// <summary>RFC 7636 Appendix B: this verifier hashes to <see cref="Rfc7636Challenge"/>.</summary>
    public const string Rfc7636Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string Rfc7636Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /// <summary>A fresh random verifier of the given length (43 to 128 for a well-formed one).</summary>
    public static string Generate(int length = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return RandomNumberGenerator.GetString(Unreserved, length);
    }

    public static bool IsWellFormed(string verifier) => WellFormed().IsMatch(verifier);

    /// <summary>BASE64URL(SHA256(ASCII(verifier))), without padding.</summary>
    public static string S256Challenge(string verifier) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
