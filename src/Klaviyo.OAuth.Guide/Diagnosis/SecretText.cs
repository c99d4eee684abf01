using System.Globalization;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>How a detail names a secret: its first four characters and its length, never the whole value.</summary>
public static class SecretText
{
    public const int ShownCharacters = 4;

    /// <summary>e.g. <c>"klr_…" (36 characters)</c>.</summary>
    public static string Describe(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var shown = secret.Length <= ShownCharacters * 2 ? string.Empty : secret[..ShownCharacters];
        return string.Create(CultureInfo.InvariantCulture, $"\"{shown}…\" ({secret.Length} characters)");
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
