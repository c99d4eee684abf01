using System.Globalization;

namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>What a host's URL must be: http://, a host and a port, nothing after.</summary>
internal static class EmulatorUrl
{
    private const int MaxPort = 65535;

    /// <summary>Null when acceptable; otherwise the end of a sentence (without its full stop) saying what is wrong and what to give.</summary>
    public static string? Problem(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.Query))
        {
            return null;
        }

        // "5080" or "127.0.0.1:5080": the port, or host and port, without the scheme.
        var withoutScheme = value.Contains("://", StringComparison.Ordinal) ? null : value.Contains(':', StringComparison.Ordinal) ? value : "127.0.0.1:" + value;
        if (withoutScheme is not null && Uri.TryCreate("http://" + withoutScheme, UriKind.Absolute, out var meant) && meant.AbsolutePath == "/" && !meant.IsDefaultPort)
        {
            return $"is not a URL: give http://{withoutScheme}";
        }

        var port = value.Split("://", 2)[^1].Split('/')[0].Split(':');
        return port.Length == 2 && long.TryParse(port[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > MaxPort
            ? $"has port {number}, but a port is 0 to {MaxPort} (0 picks a free one)"
            : "is not an http:// URL with a host and port and no path, e.g. http://127.0.0.1:5080";
    }
}
