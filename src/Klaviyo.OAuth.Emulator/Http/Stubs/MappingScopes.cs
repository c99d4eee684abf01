using System.Text.Json;
using System.Text.RegularExpressions;
using WireMock.Server;

namespace Klaviyo.OAuth.Emulator.Http.Stubs;

/// <summary>
/// The scopes users' mappings name in their metadata (WireMock.Net's <c>Data</c>:
/// <c>{"klaviyo": {"scope": "campaigns:read"}}</c>, or <c>{"scope": …}</c>), however the mapping
/// came (a file, the admin API, <c>Given(…).WithData(…)</c>). Read from the WireMock server's own
/// mappings, as WireMock writes them, and read again only when those mappings change (a cheap
/// signature of their ids and update times, taken per request).
/// </summary>
internal sealed class MappingScopes(Func<WireMockServer> server)
{
    private readonly Lock _gate = new();
    private volatile Index _index = new(0, 0, new Dictionary<string, IReadOnlyList<string>>(), [], null);

    /// <summary>The scopes a mapping for this request names; null when none does.</summary>
    public IReadOnlyList<string>? For(string method, string path)
    {
        var index = Current();
        if (index.Exact.Count == 0 && index.Patterns.Count == 0)
        {
            return null;
        }

        var key = path.TrimEnd('/');
        if (index.Exact.TryGetValue(method + " " + key, out var scopes) || index.Exact.TryGetValue("* " + key, out scopes))
        {
            return scopes;
        }

        return index.Patterns.FirstOrDefault(p => (p.Method is null || p.Method == method) && p.Path.IsMatch(path)).Scopes;
    }

    /// <summary>A user mapping at the proxy's own <see cref="UpstreamProxy.PastStubsPriority"/> (its id), which could answer requests that must go past the stubs; null when none is.</summary>
    public Guid? ReservedPriorityTaker() => Current().ReservedPriorityTaker;

    private Index Current()
    {
        var (count, signature) = (0, 0L);
        Guid? reserved = null;
        foreach (var mapping in server().Mappings)
        {
            if (!mapping.IsAdminInterface)
            {
                count++;
                signature ^= HashCode.Combine(mapping.Guid, mapping.UpdatedAt, mapping.Priority);
                if (mapping.Priority == UpstreamProxy.PastStubsPriority && !UpstreamProxy.IsOwn(mapping))
                {
                    reserved = mapping.Guid;
                }
            }
        }

        var index = _index;
        if (index.Count == count && index.Signature == signature)
        {
            return index;
        }

        lock (_gate)
        {
            _index = Read(count, signature) with { ReservedPriorityTaker = reserved };
            return _index;
        }
    }

    private Index Read(int count, long signature)
    {
        var exact = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var patterns = new List<(string?, Regex, IReadOnlyList<string>)>();
        foreach (var model in server().MappingModels)
        {
            if (model.Data is null)
            {
                continue;
            }

            // WireMock's own JSON of the mapping (its metadata may be any object), read as a mapping file is.
            var json = Newtonsoft.Json.JsonConvert.SerializeObject(
                new { Request = new { model.Request?.Path, model.Request?.Methods }, model.Data },
                new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore });
            using var document = JsonDocument.Parse(json);
            var mapping = document.RootElement;
            if (MappingFiles.Scopes(mapping) is not { } scopes)
            {
                continue;
            }

            var request = mapping.GetProperty("Request");
            var (paths, pathPatterns) = MappingFiles.Paths(request);
            foreach (var method in MappingFiles.Methods(request))
            {
                foreach (var path in paths)
                {
                    exact[(method ?? "*") + " " + path.TrimEnd('/')] = scopes;
                }

                patterns.AddRange(pathPatterns.Select(p => (method, p.Regex, (IReadOnlyList<string>)scopes)));
            }
        }

        return new Index(count, signature, exact, patterns, null);
    }

    private sealed record Index(
        int Count, long Signature, IReadOnlyDictionary<string, IReadOnlyList<string>> Exact,
        IReadOnlyList<(string? Method, Regex Path, IReadOnlyList<string> Scopes)> Patterns, Guid? ReservedPriorityTaker);
}
