namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// <c>--client ID:SECRET:REDIRECT_URI</c>: the id and the secret end at the first two colons (a
/// Basic credential's id cannot hold one), and the redirect URI is the rest, colons and all.
/// </summary>
internal static class FixedClient
{
    /// <summary>Null when the value is well formed; otherwise what to fix.</summary>
    public static string? Problem(string value)
    {
        var parts = value.Split(':', 3);
        if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return "give it as ID:SECRET:REDIRECT_URI, e.g. my-app:my-secret:http://127.0.0.1:8080/callback.";
        }

        return Uri.TryCreate(parts[2], UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)
            ? null
            : "the redirect URI after ID:SECRET: must be an absolute URI without a fragment.";
    }

    public static EmulatedClient Parse(string value)
    {
        var parts = value.Split(':', 3);
        return new EmulatedClient(parts[0], parts[1], [parts[2]]);
    }

    /// <summary>The value as a message may quote it: the secret never.</summary>
    public static string Shown(string value)
    {
        var parts = value.Split(':', 3);
        return parts.Length < 2 ? value : parts[0] + ":[secret]" + (parts.Length == 3 ? ":" + parts[2] : string.Empty);
    }
}
