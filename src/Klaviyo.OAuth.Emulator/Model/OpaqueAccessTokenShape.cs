using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// The older opaque access token: "kla_" followed by exactly 40 base64url characters (30 random
/// bytes). Anything else in a Bearer header — quotes around it, a trailing character, a truncated
/// token — is a format error (not_authenticated).
/// </summary>
internal sealed partial class OpaqueAccessTokenShape : AccessTokenShape
{
    public const string Prefix = "kla_";
    private const int RandomBytes = 30;

    public override string Create(AccessTokenClaims claims) => Prefix + RandomValue.Create(RandomBytes);

    public override bool IsWellFormed(string? value) => value is not null && Shape().IsMatch(value);

    [GeneratedRegex(@"^kla_[A-Za-z0-9_-]{40}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
