using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// The one place that defines what an access token looks like: "kla_" followed by exactly 40
/// base64url characters (30 random bytes). Anything else in a Bearer header — quotes around it,
/// a trailing character, a truncated token — is a format error (not_authenticated), while a
/// well-formed token the emulator does not know is an authentication failure.
/// </summary>
internal static partial class AccessTokenFormat
{
    public const string Prefix = "kla_";
    private const int RandomBytes = 30;

    public static string Create() => Prefix + RandomValue.Create(RandomBytes);

    public static bool IsWellFormed(string? value) => value is not null && Shape().IsMatch(value);

    [GeneratedRegex(@"^kla_[A-Za-z0-9_-]{40}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
