using System.Text.Json;
using System.Text.RegularExpressions;
using Klaviyo.OAuth.Guide;
using WireMock.Server;

namespace Klaviyo.OAuth.Emulator.Http.Stubs;

/// <summary>
/// <c>--mappings DIR</c>: WireMock JSON mapping files (one mapping or an array per file) in DIR or
/// in DIR/__admin/mappings, as WireMock's static mappings are kept; body files under DIR/__files.
/// A file WireMock cannot read is refused with its name; a mapping for one of the model's own
/// exact paths is refused (the model always answers there), and so is one at the proxy's own
/// priority (<see cref="UpstreamProxy.PastStubsPriority"/>); a pattern that could match one of the
/// model's paths gets a warning.
/// </summary>
internal static class MappingFiles
{
    // The paths the model owns on the API host (the web host's pages are not stubbed).
    private static readonly string[] ModelPaths = ["/oauth/token", "/oauth/revoke", "/oauth/authorize", "/oauth/client", "/__health", "/__control", "/__control/clients", "/__admin/mappings"];

    public static IEnumerable<string> In(string directory)
    {
        var admin = Path.Combine(directory, "__admin", "mappings");
        var folders = Directory.Exists(admin) ? new[] { directory, admin } : [directory];
        return folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.json")).Order(StringComparer.Ordinal);
    }

    /// <summary>Loads every file; returns the warnings.</summary>
    /// <exception cref="ArgumentException">A file is not a mapping WireMock reads, or stubs a path of the model.</exception>
    public static IReadOnlyList<string> Load(WireMockServer server, string directory, UserStubs stubs)
    {
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"The mappings folder '{directory}' does not exist.");
        }

        var warnings = new List<string>();
        foreach (var file in In(directory))
        {
            warnings.AddRange(LoadOne(server, file, stubs));
        }

        return warnings;
    }

    /// <summary>Checks one file and adds (or updates) its mappings; returns its warnings.</summary>
    public static IReadOnlyList<string> LoadOne(WireMockServer server, string file, UserStubs stubs)
    {
        var warnings = new List<string>();
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The mapping file {file} is not valid JSON{JsonParseProblem.Where(e)}: {JsonParseProblem.Why(e)} Fix the file, or move it out of the folder.");
        }

        using (json)
        {
            var mappings = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToArray() : [json.RootElement];
            foreach (var mapping in mappings)
            {
                if (mapping.ValueKind != JsonValueKind.Object || !mapping.TryGetProperty("Request", out var request) || request.ValueKind != JsonValueKind.Object)
                {
                    throw new ArgumentException($"The mapping file {file} has a mapping without a \"Request\" object.");
                }

                if (mapping.TryGetProperty("Priority", out var priority) && priority.ValueKind == JsonValueKind.Number
                    && priority.TryGetInt64(out var number) && number <= UpstreamProxy.PastStubsPriority)
                {
                    throw new ArgumentException($"The mapping file {file} has the priority {number}, which the emulator keeps for its proxy's requests that go past every stub. Give it a higher number.");
                }

                warnings.AddRange(CheckPath(file, request));
            }
        }

        try
        {
            server.ReadStaticMappingAndAddOrUpdate(file);
        }
        catch (Exception e)
        {
            throw new ArgumentException($"The mapping file {file} is not a mapping WireMock can read ({e.Message.TrimEnd('.')}).");
        }

        stubs.MayHaveChanged();
        return warnings;
    }

    private static IEnumerable<string> CheckPath(string file, JsonElement request)
    {
        var (exact, patterns) = Paths(request);
        foreach (var path in exact)
        {
            if (ModelPaths.Contains(path.TrimEnd('/'), StringComparer.Ordinal) || path.StartsWith("/oauth/", StringComparison.Ordinal) || path.StartsWith("/__control/", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The mapping file {file} stubs {path}, one of the emulator's own paths: the model always answers there. Remove that mapping.");
            }

        }

        foreach (var (pattern, regex) in patterns)
        {
            if (ModelPaths.FirstOrDefault(regex.IsMatch) is { } shadowed)
            {
                yield return $"Warning: the mapping file {file} has the path pattern '{pattern}', which could match {shadowed}; the model answers its own paths, so the mapping never does there.";
            }
        }
    }

    /// <summary>A mapping's request paths: the exact ones, and the patterns as regular expressions (no "Path": any path).</summary>
    public static (List<string> Exact, List<(string Pattern, Regex Regex)> Patterns) Paths(JsonElement request)
    {
        var exact = new List<string>();
        var patterns = new List<(string, Regex)>();
        if (!request.TryGetProperty("Path", out var path))
        {
            patterns.Add(("(any path)", new Regex(".*", RegexOptions.None, TimeSpan.FromSeconds(1))));
            return (exact, patterns);
        }

        if (path.ValueKind == JsonValueKind.String)
        {
            exact.Add(path.GetString()!);
            return (exact, patterns);
        }

        var matchers = path.ValueKind == JsonValueKind.Object && path.TryGetProperty("Matchers", out var m) && m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().ToArray() : [];
        foreach (var matcher in matchers)
        {
            var name = matcher.TryGetProperty("Name", out var n) ? n.GetString() : null;
            foreach (var pattern in Patterns(matcher))
            {
                if (name == "RegexMatcher")
                {
                    patterns.Add((pattern, new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1))));
                }
                else if (pattern.IndexOfAny(['*', '?']) < 0)
                {
                    exact.Add(pattern);
                }
                else
                {
                    var wildcard = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
                    patterns.Add((pattern, new Regex(wildcard, RegexOptions.None, TimeSpan.FromSeconds(1))));
                }
            }
        }

        return (exact, patterns);
    }

    private static IEnumerable<string> Patterns(JsonElement matcher)
    {
        if (matcher.TryGetProperty("Pattern", out var one) && one.ValueKind == JsonValueKind.String)
        {
            yield return one.GetString()!;
        }

        if (matcher.TryGetProperty("Patterns", out var many) && many.ValueKind == JsonValueKind.Array)
        {
            foreach (var pattern in many.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String))
            {
                yield return pattern.GetString()!;
            }
        }
    }

    /// <summary>A mapping's methods, upper case; one null when it matches any.</summary>
    public static IEnumerable<string?> Methods(JsonElement request) =>
        request.TryGetProperty("Methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? methods.EnumerateArray().Select(m => m.GetString()?.ToUpperInvariant())
            : [null];

    /// <summary>
    /// The scopes a mapping names in its metadata (WireMock.Net keeps it in "Data"):
    /// <c>{"klaviyo": {"scope": "a:read b:read"}}</c>, or <c>{"scope": …}</c>; a string of
    /// space-separated scopes or an array. Null when it names none.
    /// </summary>
    public static string[]? Scopes(JsonElement mapping)
    {
        if (!mapping.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var named = data.TryGetProperty("klaviyo", out var klaviyo) && klaviyo.ValueKind == JsonValueKind.Object ? klaviyo : data;
        return !named.TryGetProperty("scope", out var scope) ? null : scope.ValueKind switch
        {
            JsonValueKind.String => scope.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            JsonValueKind.Array => scope.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToArray(),
            _ => null,
        };
    }
}
