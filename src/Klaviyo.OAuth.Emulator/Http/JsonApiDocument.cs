using Klaviyo.OAuth.Emulator.Model.Api;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Klaviyo's JSON:API documents: resources with type, id, attributes, relationships and links;
/// collections with links.self/next/prev; "included" for the relationships a request asked for.
/// </summary>
internal sealed class JsonApiDocument(Uri apiBase)
{
    public EmulatorResponse One(ApiResource resource, string selfPathAndQuery, IReadOnlyCollection<string> include, string outcome) =>
        Ok(new Dictionary<string, object?>
        {
            ["data"] = Resource(resource),
            ["links"] = new { self = Link(selfPathAndQuery) },
        }.WithIncluded(Included([resource], include)), outcome);

    public EmulatorResponse Many(Page page, string path, FormFields query, IReadOnlyCollection<string> include, string outcome) =>
        Ok(new Dictionary<string, object?>
        {
            ["data"] = page.Items.Select(Resource).ToArray(),
            ["links"] = new
            {
                self = Link(path + QueryString(query, query["page[cursor]"])),
                next = page.NextOffset is { } next ? Link(path + QueryString(query, ApiPaging.Cursor(next))) : null,
                prev = page.PreviousOffset is { } previous ? Link(path + QueryString(query, ApiPaging.Cursor(previous))) : null,
            },
        }.WithIncluded(Included(page.Items, include)), outcome);

    private Dictionary<string, object?> Resource(ApiResource resource)
    {
        var self = $"api/{Segment(resource.Type)}/{resource.Id}/";
        var json = new Dictionary<string, object?>
        {
            ["type"] = resource.Type,
            ["id"] = resource.Id,
            ["attributes"] = resource.Attributes,
        };
        if (resource.Related.Count > 0)
        {
            json["relationships"] = resource.Related.ToDictionary(
                r => r.Name,
                r => (object)new
                {
                    data = new { type = r.Resource.Type, id = r.Resource.Id },
                    links = new { self = Link($"{self}relationships/{r.Name}/"), related = Link($"{self}{r.Name}/") },
                });
        }

        json["links"] = new { self = Link(self) };
        return json;
    }

    private Dictionary<string, object?>[]? Included(IEnumerable<ApiResource> resources, IReadOnlyCollection<string> include) =>
        include.Count == 0
            ? null
            : resources.SelectMany(r => r.Related).Where(r => include.Contains(r.Name)).Select(r => r.Resource)
                .DistinctBy(r => (r.Type, r.Id)).Select(Resource).ToArray();

    private string Link(string pathAndQuery) => new Uri(apiBase, pathAndQuery).AbsoluteUri;

    private static string Segment(string type) => ApiCollection.All.First(c => c.Type == type).Segment;

    /// <summary>The request's own parameters, with page[cursor] set to <paramref name="cursor"/> (or left out).</summary>
    private static string QueryString(FormFields query, string? cursor)
    {
        var pairs = query.Fields.Where(p => p.Key != "page[cursor]").Select(p => (p.Key, p.Value)).ToList();
        if (cursor is not null)
        {
            pairs.Add(("page[cursor]", cursor));
        }

        return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    private static EmulatorResponse Ok(Dictionary<string, object?> document, string outcome) =>
        new(200, JsonApiError.ContentType, JsonText.Serialize(document), "200 " + outcome);
}

internal static class JsonApiDocumentMembers
{
    public static Dictionary<string, object?> WithIncluded(this Dictionary<string, object?> document, Dictionary<string, object?>[]? included)
    {
        if (included is not null)
        {
            document["included"] = included;
        }

        return document;
    }
}
