using System.Text;

namespace Klaviyo.OAuth.Guide.Protocol;

/// <summary>
/// application/x-www-form-urlencoded fields (a body or a query string), in order. Read two ways:
/// <see cref="Parse"/> leniently, as a diagnosis or a grader reads what was sent, even malformed
/// (a broken escape stays as written, a repeated field keeps its first value); and
/// <see cref="TryParse(string, out string?)"/> strictly, as a server decides what it accepts
/// (invalid UTF-8, broken percent-encoding and repeated fields are errors, not guesses).
/// </summary>
public sealed class FormFields
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<KeyValuePair<string, string>> _fields;

    private FormFields(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public static FormFields Empty { get; } = new([]);

    /// <summary>The fields in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The first value of the field, or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in _fields)
            {
                if (field.Key == name)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    public bool Has(string name) => this[name] is not null;

    /// <summary>Reads leniently: every field, each decoded as far as it decodes; a leading '?' is skipped.</summary>
    public static FormFields Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (rawName, rawValue) in Pairs(text.TrimStart('?')))
        {
            fields.Add(KeyValuePair.Create(DecodeLeniently(rawName), DecodeLeniently(rawValue)));
        }

        return new FormFields(fields);
    }

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

    /// <summary>Reads strictly, or returns null with the reason in <paramref name="error"/>.</summary>
    public static FormFields? TryParse(byte[] bytes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!IsUtf8(bytes))
        {
            error = "body is not valid UTF-8";
            return null;
        }

        return TryParse(StrictUtf8.GetString(bytes), out error);
    }

    /// <summary>Reads strictly, or returns null with the reason in <paramref name="error"/>.</summary>
    public static FormFields? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawName, rawValue) in Pairs(text))
        {
            var name = DecodeStrictly(rawName);
            var value = DecodeStrictly(rawValue);
            if (name is null || value is null)
            {
                error = "malformed percent-encoding";
                return null;
            }

            if (!names.Add(name))
            {
                error = $"parameter '{name}' is repeated";
                return null;
            }

            fields.Add(KeyValuePair.Create(name, value));
        }

        error = null;
        return new FormFields(fields);
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string text)
    {
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0 ? (pair, string.Empty) : (pair[..equals], pair[(equals + 1)..]);
        }
    }

    private static string DecodeLeniently(string raw)
    {
        try
        {
            return Uri.UnescapeDataString(raw.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return raw;
        }
    }

    private static string? DecodeStrictly(string raw)
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
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
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
}
