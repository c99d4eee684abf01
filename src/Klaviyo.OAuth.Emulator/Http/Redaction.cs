namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>Keeps secrets out of the journal and the console: query values of secret-bearing parameters.</summary>
internal static class Redaction
{
    public const string Mask = "[redacted]";

    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "code_verifier", "token", "refresh_token", "access_token", "client_secret", "password", "cookieValue",
    };

    /// <summary>The path with the query's secret values replaced by <see cref="Mask"/>.</summary>
    public static string PathAndQuery(string path, string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return path;
        }

        var parts = rawQuery.Split('&').Select(part =>
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? part : part[..separator];
            return separator >= 0 && SecretParameters.Contains(Uri.UnescapeDataString(name)) ? name + "=" + Mask : part;
        });
        return path + "?" + string.Join('&', parts);
    }
}
