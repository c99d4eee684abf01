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

    /// <summary>
    /// A value the request chose (a client id, a grant name) as a detail may quote it: control
    /// characters escaped, so a line stays one line, and cut at 40 characters.
    /// </summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.Length <= 40 ? text : text[..40] + "…";
        return string.Concat(cut.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString()));
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
