using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// Reads a raw HTTP/1.x request as sent ("POST /oauth/token HTTP/1.1", headers, a blank line, the
/// body), optionally followed by its response ("HTTP/1.1 400 Bad Request", …). The URL is built
/// from the Host header when the request line has only a path.
/// </summary>
public static partial class RawHttpReader
{
    public static bool LooksLikeRequestLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        var line = end < 0 ? text : text[..end];
        return RequestLine().IsMatch(line.ToString());
    }

    public static IReadOnlyList<RecordedExchange> Read(string text, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF', ' ', '\t', '\n').Split('\n');
        var position = 0;
        var exchanges = new List<RecordedExchange>();
        while (position < lines.Length)
        {
            if (string.IsNullOrWhiteSpace(lines[position]))
            {
                position++;
                continue;
            }

            var match = RequestLine().Match(lines[position]);
            if (!match.Success)
            {
                throw new TrafficFormatException($"{sourceName}: line {position + 1} is not a request line (\"POST /oauth/token HTTP/1.1\").");
            }

            position++;
            var headers = Headers(lines, ref position, sourceName);
            var body = Body(lines, ref position, headers, StartsMessage);
            var uri = Url(match.Groups["target"].Value, headers, sourceName);
            RecordedResponse? response = null;
            SkipBlank(lines, ref position);
            if (position < lines.Length && StatusLine().Match(lines[position]) is { Success: true } status)
            {
                position++;
                var responseHeaders = Headers(lines, ref position, sourceName);
                var responseBody = Body(lines, ref position, responseHeaders, StartsMessage);
                response = new RecordedResponse(int.Parse(status.Groups["status"].Value, CultureInfo.InvariantCulture), responseHeaders, responseBody);
            }

            exchanges.Add(new RecordedExchange(null, match.Groups["method"].Value, uri, headers, body, response));
        }

        return exchanges;
    }

    private static bool StartsMessage(string line) => RequestLine().IsMatch(line) || StatusLine().IsMatch(line);

    private static void SkipBlank(string[] lines, ref int position)
    {
        while (position < lines.Length && string.IsNullOrWhiteSpace(lines[position]))
        {
            position++;
        }
    }

    private static RecordedHeaders Headers(string[] lines, ref int position, string sourceName)
    {
        var headers = new List<KeyValuePair<string, string>>();
        for (; position < lines.Length && lines[position].Length > 0; position++)
        {
            var colon = lines[position].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new TrafficFormatException($"{sourceName}: line {position + 1} is not a header (name: value); leave a blank line before the body.");
            }

            headers.Add(KeyValuePair.Create(lines[position][..colon].Trim(), lines[position][(colon + 1)..].Trim()));
        }

        position++; // the blank line
        return new RecordedHeaders(headers);
    }

    // The body runs to Content-Length when given, else to the next request or status line.
    private static byte[] Body(string[] lines, ref int position, RecordedHeaders headers, Func<string, bool> startsMessage)
    {
        var text = new StringBuilder();
        var first = true;
        while (position < lines.Length && !startsMessage(lines[position]))
        {
            if (!first)
            {
                text.Append('\n');
            }

            text.Append(lines[position++]);
            first = false;
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString().TrimEnd('\n'));
        if (int.TryParse(headers.First("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length < bytes.Length)
        {
            bytes = bytes[..length];
        }

        return bytes;
    }

    private static Uri Url(string target, RecordedHeaders headers, string sourceName)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        var host = headers.First("Host");
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new TrafficFormatException($"{sourceName}: the request \"{target}\" has no Host header, so its URL is unknown.");
        }

        return Uri.TryCreate("https://" + host + target, UriKind.Absolute, out var uri)
            ? uri
            : throw new TrafficFormatException($"{sourceName}: Host \"{host}\" with \"{target}\" is not a URL.");
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ ]+(?<target>\S+)[ ]+HTTP/\d(?:\.\d)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^HTTP/\d(?:\.\d)?[ ]+(?<status>\d{3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();
}
