namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>What a host's URL must be: http://, a host and a port, nothing after.</summary>
internal static class EmulatorUrl
{
    /// <summary>Null when acceptable; otherwise the end of a sentence saying what is wrong.</summary>
    public static string? Problem(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.Query)
            ? null
            : "is not an http:// URL with a host and port and no path";
}
