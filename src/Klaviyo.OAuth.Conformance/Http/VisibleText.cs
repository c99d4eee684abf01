using System.Globalization;
using System.Text;

namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>
/// Text from a target made safe for every report and console: control characters (NUL, ESC, a lone
/// CR…) become visible escapes such as <c>\u0000</c>; line breaks and tabs stay, as evidence spans lines.
/// </summary>
public static class VisibleText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var visible = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (NeedsEscape(c))
            {
                visible.Append(c == '\r' ? "\\r" : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) && c is not '\n' and not '\t';
}
