using System.Text;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// A strict application/x-www-form-urlencoded parser (also used for query strings): invalid
/// UTF-8, broken percent-encoding and repeated parameters are errors, not guesses.
/// </summary>
// Not shared with the suite on purpose: the suite must never check the emulator with the emulator's own parser.
internal sealed class FormBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, string> _values;

    private FormBody(Dictionary<string, string> values) => _values = values;

    public static FormBody Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether bytes are valid UTF-8.</summary>
    public static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Parses, or returns null with the reason in <paramref name="error"/>.</summary>
    public static FormBody? TryParse(byte[] bytes, out string? error)
    {
        if (!IsUtf8(bytes))
        {
            error = "body is not valid UTF-8";
            return null;
        }

        return TryParse(StrictUtf8.GetString(bytes), out error);
    }

    /// <summary>Parses, or returns null with the reason in <paramref name="error"/>.</summary>
    public static FormBody? TryParse(string text, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = separator < 0 ? pair : pair[..separator];
            var rawValue = separator < 0 ? string.Empty : pair[(separator + 1)..];
            var name = Decode(rawName);
            var value = Decode(rawValue);
            if (name is null || value is null)
            {
                error = "malformed percent-encoding";
                return null;
            }

            if (!values.TryAdd(name, value))
            {
                error = $"parameter '{name}' is repeated";
                return null;
            }
        }

        error = null;
        return new FormBody(values);
    }

    private static string? Decode(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                // Keep surrogate pairs together; the text came from valid UTF-8, so pairs are whole.
                var length = char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1;
                bytes.AddRange(StrictUtf8.GetBytes(raw.Substring(i, length)));
                i += length - 1;
            }
        }

        var decoded = bytes.ToArray();
        return IsUtf8(decoded) ? StrictUtf8.GetString(decoded) : null;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
