using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Http.Stubs;

/// <summary>
/// The scopes an /api/ endpoint needs, from api-scopes.json (Klaviyo's public x-klaviyo-scopes,
/// kept as data), else Klaviyo's convention: <c>&lt;resource&gt;:read</c> for GET,
/// <c>&lt;resource&gt;:write</c> otherwise. A path matches a template segment by segment; the
/// trailing slash is optional, as the model's own paths treat it.
/// </summary>
internal static class ApiScopes
{
    private static readonly Lazy<IReadOnlyList<(string Method, string[] Segments, string[] Scopes)>> Endpoints = new(Load);

    public static IReadOnlyList<string> For(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (listedMethod, template, scopes) in Endpoints.Value)
        {
            if (listedMethod == method && Matches(template, segments))
            {
                return scopes;
            }
        }

        var resource = segments.Length > 1 ? segments[1] : "api";
        return [$"{resource}:{(method == "GET" ? "read" : "write")}"];
    }

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length
        && template.Zip(segments).All(pair => pair.First.StartsWith('{') || pair.First == pair.Second);

    private static (string, string[], string[])[] Load()
    {
        using var stream = typeof(ApiScopes).Assembly.GetManifestResourceStream("Klaviyo.OAuth.Emulator.Http.Stubs.api-scopes.json")
            ?? throw new InvalidOperationException("api-scopes.json is not embedded.");
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.GetProperty("endpoints").EnumerateArray()
            .Select(e => (
                e.GetProperty("method").GetString()!,
                e.GetProperty("path").GetString()!.Split('/', StringSplitOptions.RemoveEmptyEntries),
                e.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray()))
            .ToArray();
    }
}
