using System.Text;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// Reads a capture of an app's traffic (HAR, curl command lines or a raw HTTP request), detecting
/// which it is, into <see cref="RecordedExchange"/>s. Input is bounded: a file over
/// <see cref="MaxBytes"/> is refused before any of it is read.
/// </summary>
public static class TrafficReader
{
    /// <summary>The largest capture read: far above any HAR of an OAuth flow, far below what would exhaust memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads the capture in the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<RecordedExchange> ReadFile(string path, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw new TrafficFormatException($"{path}: a folder, not a capture. Give the file: a HAR export, curl command lines or a raw HTTP request.");
            }

            if (!file.Exists)
            {
                throw new TrafficFormatException($"{path}: no such file.");
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or UnauthorizedAccessException or PathTooLongException)
        {
            throw new TrafficFormatException($"{path}: not a readable file ({e.Message})", e);
        }

        if (file.Length > maxBytes)
        {
            throw new TrafficFormatException($"{path}: {file.Length:N0} bytes is more than the {maxBytes:N0} a capture may have; export only the requests to Klaviyo.");
        }

        try
        {
            using var stream = file.OpenRead();
            return Read(stream, path, maxBytes);
        }
        catch (IOException e)
        {
            throw new TrafficFormatException($"{path}: cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TrafficFormatException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Reads a capture from <paramref name="stream"/> (e.g. standard input), at most <paramref name="maxBytes"/> of it.</summary>
    public static IReadOnlyList<RecordedExchange> Read(Stream stream, string sourceName, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ReadBounded(stream, sourceName, maxBytes);
        return Parse(Decode(bytes, sourceName), sourceName);
    }

    /// <summary>Reads a capture given as text.</summary>
    public static IReadOnlyList<RecordedExchange> Parse(string text, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TrafficFormatException(
                $"{sourceName}: empty. Give a capture of the app's requests: a HAR export, curl command lines (\"Copy as cURL\") or the request as sent (\"POST /oauth/token HTTP/1.1\" and its headers).");
        }

        var format = Detect(text) ?? throw new TrafficFormatException(
            $"{sourceName}: not a HAR file, a curl command line or an HTTP request. Export the requests as HAR, use \"Copy as cURL\", or paste the request as sent (\"POST /oauth/token HTTP/1.1\" and its headers).");
        var exchanges = format switch
        {
            TrafficFormat.Har => HarReader.Read(text, sourceName),
            TrafficFormat.Curl => CurlCommandReader.Read(text, sourceName),
            _ => RawHttpReader.Read(text, sourceName),
        };
        return exchanges;
    }

    /// <summary>Which kind of capture <paramref name="text"/> is, or null when none.</summary>
    public static TrafficFormat? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("\uFEFF"))
        {
            start = start[1..].TrimStart();
        }

        if (start.StartsWith("{") || start.StartsWith("["))
        {
            return TrafficFormat.Har;
        }

        if (start.StartsWith("curl ", StringComparison.Ordinal) || start.StartsWith("curl\t", StringComparison.Ordinal)
            || start.StartsWith("curl.exe ", StringComparison.Ordinal) || start.StartsWith("$ curl ", StringComparison.Ordinal))
        {
            return TrafficFormat.Curl;
        }

        return RawHttpReader.LooksLikeRequestLine(start) ? TrafficFormat.RawHttp : null;
    }

    private static byte[] ReadBounded(Stream stream, string sourceName, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new TrafficFormatException($"{sourceName}: more than the {maxBytes:N0} bytes a capture may have; export only the requests to Klaviyo.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, string sourceName)
    {
        // A capture is text; a NUL byte or invalid UTF-8 means a binary (an image, a zip, a pcap).
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new TrafficFormatException($"{sourceName}: a binary file, not a HAR, curl command line or HTTP request.");
        }

        try
        {
            // Editors on Windows save with a byte-order mark; it is not part of the capture.
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new TrafficFormatException($"{sourceName}: not UTF-8 text (a binary file?), so not a HAR, curl command line or HTTP request.", e);
        }
    }
}
