using System.Globalization;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Text from a request made safe for one console or journal line: control characters become
/// visible escapes (\n, \u001b…), so a value cannot forge a line or move the cursor.
/// </summary>
internal static class LogText
{
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
