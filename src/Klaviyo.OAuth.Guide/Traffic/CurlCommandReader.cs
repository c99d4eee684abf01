using System.Text;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// Reads curl command lines, as browsers' "Copy as cURL" writes them, into the requests they
/// would send: -X, -H, -d/--data/--data-raw/--data-binary/--data-ascii/--data-urlencode, -u,
/// --url, -G, -b, -A, -e. Options that change only how curl behaves (-s, -L, --compressed…) are
/// skipped.
/// </summary>
public static class CurlCommandReader
{
    // Options that take a value but do not change the request's wire form.
    private static readonly HashSet<string> IgnoredWithValue = new(StringComparer.Ordinal)
    {
        "-o", "--output", "-m", "--max-time", "--connect-timeout", "-x", "--proxy", "--cacert", "--cert", "--key",
        "-w", "--write-out", "--retry", "-c", "--cookie-jar", "--resolve", "--limit-rate", "-T", "--upload-file",
    };

    public static IReadOnlyList<RecordedExchange> Read(string text, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(text);
        var exchanges = new List<RecordedExchange>();
        foreach (var words in ShellWords.Commands(text, sourceName))
        {
            var start = words[0] == "$" ? 1 : 0;
            if (words.Count <= start || words[start] is not ("curl" or "curl.exe"))
            {
                throw new TrafficFormatException($"{sourceName}: \"{Shorten(string.Join(' ', words))}\" is not a curl command.");
            }

            exchanges.Add(Command(words.Skip(start + 1).ToList(), sourceName));
        }

        return exchanges;
    }

    private static RecordedExchange Command(List<string> words, string sourceName)
    {
        string? method = null;
        string? url = null;
        var get = false;
        var headers = new List<KeyValuePair<string, string>>();
        var data = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            string Value()
            {
                if (i + 1 >= words.Count)
                {
                    throw new TrafficFormatException($"{sourceName}: curl option {word} has no value.");
                }

                return words[++i];
            }

            // Short options may carry their value attached: -XPOST, -H'Accept: x'.
            if (word.Length > 2 && word[0] == '-' && word[1] != '-' && "XHdubAe".Contains(word[1], StringComparison.Ordinal))
            {
                words.Insert(i + 1, word[2..]);
                word = word[..2];
            }

            switch (word)
            {
                case "-X" or "--request": method = Value(); break;
                case "-H" or "--header": headers.Add(Header(Value(), sourceName)); break;
                case "-d" or "--data" or "--data-raw" or "--data-binary" or "--data-ascii":
                    var raw = Value();
                    if (word != "--data-raw" && raw.StartsWith('@'))
                    {
                        throw new TrafficFormatException($"{sourceName}: {word} {Shorten(raw)} reads the body from a file; paste the body itself instead.");
                    }

                    // curl drops newlines from -d and --data-ascii bodies, keeps them for the others.
                    data.Add(word is "-d" or "--data" or "--data-ascii" ? raw.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal) : raw);
                    break;
                case "--data-urlencode": data.Add(UrlEncoded(Value(), sourceName)); break;
                case "-u" or "--user":
                    headers.Add(KeyValuePair.Create("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Value()))));
                    break;
                case "--url": url = Value(); break;
                case "-G" or "--get": get = true; break;
                case "-b" or "--cookie": headers.Add(KeyValuePair.Create("Cookie", Value())); break;
                case "-A" or "--user-agent": headers.Add(KeyValuePair.Create("User-Agent", Value())); break;
                case "-e" or "--referer": headers.Add(KeyValuePair.Create("Referer", Value())); break;
                case "-F" or "--form":
                    throw new TrafficFormatException($"{sourceName}: curl -F sends multipart/form-data; the diagnosis needs the body as sent, so copy the request as HAR instead.");
                default:
                    if (IgnoredWithValue.Contains(word))
                    {
                        Value();
                    }
                    else if (!word.StartsWith('-'))
                    {
                        url ??= word;
                    }

                    break;
            }
        }

        if (url is null)
        {
            throw new TrafficFormatException($"{sourceName}: the curl command has no URL.");
        }

        var body = string.Join('&', data);
        if (get && data.Count > 0)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + body;
            body = string.Empty;
        }

        if (!url.Contains("://", StringComparison.Ordinal))
        {
            url = "http://" + url; // curl's own default
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new TrafficFormatException($"{sourceName}: \"{Shorten(url)}\" is not a URL.");
        }

        if (body.Length > 0 && !headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(KeyValuePair.Create("Content-Type", "application/x-www-form-urlencoded")); // what curl sends with -d
        }

        method ??= get || body.Length == 0 ? "GET" : "POST";
        return new RecordedExchange(null, method.ToUpperInvariant(), uri, new RecordedHeaders(headers), Encoding.UTF8.GetBytes(body));
    }

    private static KeyValuePair<string, string> Header(string line, string sourceName)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new TrafficFormatException($"{sourceName}: -H \"{Shorten(line)}\" is not a header (name: value).");
        }

        return KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    private static string UrlEncoded(string value, string sourceName)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        // "@file" and "name@file" read a file; "name=content" and "=content" are literal.
        if (equals < 0 && value.Contains('@', StringComparison.Ordinal))
        {
            throw new TrafficFormatException($"{sourceName}: --data-urlencode {Shorten(value)} reads a file; paste the value itself instead.");
        }

        return equals switch
        {
            < 0 => Uri.EscapeDataString(value),
            0 => Uri.EscapeDataString(value[1..]),
            _ => value[..equals] + "=" + Uri.EscapeDataString(value[(equals + 1)..]),
        };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
