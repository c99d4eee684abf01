using System.Globalization;
using System.Text.Json;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Deviations;

/// <summary>
/// A known-deviations file: a JSON array of <c>{"id", "reason", "until"?}</c>. A listed behaviour that
/// is not met is reported as a known deviation and does not fail the build; one that is met is a
/// deviation resolved (a warning, or a failure when <see cref="Strict"/>); an entry past its
/// <c>until</c> date excuses nothing.
/// </summary>
public sealed class KnownDeviations
{
    private readonly Dictionary<string, KnownDeviation> _byId;

    private KnownDeviations(IReadOnlyList<KnownDeviation> entries, DateOnly today, bool strict, string? source)
    {
        Entries = entries;
        Today = today;
        Strict = strict;
        Source = source;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>No file: nothing is excused.</summary>
    public static KnownDeviations None { get; } = new([], DateOnly.MinValue, strict: false, source: null);

    public IReadOnlyList<KnownDeviation> Entries { get; }

    /// <summary>The day expiry is judged on.</summary>
    public DateOnly Today { get; }

    /// <summary>A deviation resolved fails the build (<c>--strict-deviations</c>).</summary>
    public bool Strict { get; }

    /// <summary>The file the entries came from, for messages; null without one.</summary>
    public string? Source { get; }

    public KnownDeviation? Find(string id) => _byId.GetValueOrDefault(id);

    public KnownDeviations WithStrict(bool strict) => new(Entries, Today, strict, Source);

    /// <summary>The entries past their date.</summary>
    public IEnumerable<KnownDeviation> Expired => Entries.Where(e => e.ExpiredOn(Today));

    /// <summary>A file for a conformance run: its ids are behaviours of the catalogue; expiry is judged on today's UTC date.</summary>
    public static KnownDeviations ForBehaviours(string path, bool strict = false, TimeProvider? time = null) =>
        Load(path, Guide.Catalogue.BehaviourCatalogue.All.Select(b => b.Id).ToHashSet(StringComparer.Ordinal), "a behaviour of the catalogue", UtcToday(time), strict);

    /// <summary>A file for grading an app: its ids are client-conduct rules.</summary>
    public static KnownDeviations ForClientRules(string path, bool strict = false, TimeProvider? time = null) =>
        Load(path, Guide.Conduct.ClientRuleCatalogue.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), "a client-conduct rule", UtcToday(time), strict);

    // An id of the other kind of file: a behaviour is listed for run and report, a client rule for grade.
    private static string? WhereItBelongs(string id) =>
        Guide.Conduct.ClientRuleCatalogue.All.Any(r => r.Id == id) ? "It is a client-conduct rule: list it in the file you give grade --deviations."
        : Guide.Catalogue.BehaviourCatalogue.Find(id) is not null ? "It is a behaviour of the catalogue: list it in the file you give run (or report) --deviations."
        : null;

    private static DateOnly UtcToday(TimeProvider? time) => DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>
    /// Reads <paramref name="path"/>; every id must be one of <paramref name="knownIds"/> (named
    /// <paramref name="idsAre"/> in messages, e.g. "a behaviour of the catalogue").
    /// </summary>
    /// <exception cref="DeviationsFileException">The file is missing, not the right shape, or names an unknown id or one twice; the message names the entry.</exception>
    public static KnownDeviations Load(string path, IReadOnlySet<string> knownIds, string idsAre, DateOnly today, bool strict = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new DeviationsFileException($"The known-deviations file {path} does not exist. Give the path of a JSON array of {{\"id\", \"reason\", \"until\"}}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeviationsFileException($"The known-deviations file {path} cannot be read: {e.Message}");
        }

        return Parse(json, path, knownIds, idsAre, today, strict);
    }

    public static KnownDeviations Parse(string json, string source, IReadOnlySet<string> knownIds, string idsAre, DateOnly today, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(knownIds);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DeviationsFileException($"{source} is not valid JSON{JsonParseProblem.Where(e)}: {JsonParseProblem.Why(e)} {Shape}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DeviationsFileException($"{source} holds {Kind(document.RootElement)}, not an array. {Shape}");
            }

            var entries = new List<KnownDeviation>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                var entry = Entry(element, $"{source}, entry {index}", knownIds, idsAre);
                if (entries.Any(e => e.Id == entry.Id))
                {
                    throw new DeviationsFileException($"{source}, entry {index}: \"{entry.Id}\" is listed twice. Keep one entry per id.");
                }

                entries.Add(entry);
            }

            return new KnownDeviations(entries, today, strict, source);
        }
    }

    private const string Shape = "Write a JSON array of {\"id\": \"<behaviour id>\", \"reason\": \"…\", \"until\": \"YYYY-MM-DD\"} (until is optional).";

    private static KnownDeviation Entry(JsonElement element, string where, IReadOnlySet<string> knownIds, string idsAre)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DeviationsFileException($"{where} is {Kind(element)}, not an object. {Shape}");
        }

        foreach (var property in element.EnumerateObject().Where(p => p.Name is not ("id" or "reason" or "until")))
        {
            throw new DeviationsFileException($"{where} has \"{property.Name}\", which is not id, reason or until. {Shape}");
        }

        var id = Text(element, "id", where)?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(id))
        {
            throw new DeviationsFileException($"{where} has no \"id\". {Shape}");
        }

        if (!knownIds.Contains(id))
        {
            throw new DeviationsFileException($"{where}: \"{id}\" is not {idsAre}. {WhereItBelongs(id) ?? "Check the id's spelling in the reports."}");
        }

        var reason = Text(element, "reason", where)?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new DeviationsFileException($"{where} (\"{id}\") has no \"reason\": say why the deviation is accepted.");
        }

        DateOnly? until = null;
        if (Text(element, "until", where) is { } text)
        {
            until = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new DeviationsFileException($"{where} (\"{id}\"): until is \"{text}\", not a date as YYYY-MM-DD.");
        }

        return new KnownDeviation(id, reason, until);
    }

    private static string? Text(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new DeviationsFileException($"{where}: \"{name}\" is {Kind(value)}, not a string. {Shape}");
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
