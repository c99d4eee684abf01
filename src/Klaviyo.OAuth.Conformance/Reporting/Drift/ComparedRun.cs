using System.Text.Json;
using Klaviyo.OAuth.Conformance.Reporting.Writers;

namespace Klaviyo.OAuth.Conformance.Reporting.Drift;

/// <summary>A file given to <c>compare</c> that cannot be read as a run: the message names the file and what to pass instead.</summary>
public sealed class ComparisonInputException(string message) : Exception(message);

/// <summary>One side of a comparison: a run's <c>conformance.json</c>, or its <c>cucumber.ndjson</c> read into the same document.</summary>
public sealed record ComparedRun(string File, ConformanceDocument Document)
{
    /// <summary>Whether the run recorded what the target answered (schema version 2 and later, or messages with observations).</summary>
    public bool HasObservations => Behaviours.SelectMany(b => b.Scenarios).Any(s => s.Observations is not null);

    public IEnumerable<ConformanceDocument.BehaviourPart> Behaviours => Document.Groups.SelectMany(g => g.Behaviours);

    /// <summary>
    /// Reads <paramref name="path"/>: a <c>conformance.json</c> (any schema version up to this tool's) or
    /// a <c>cucumber.ndjson</c>. Throws <see cref="ComparisonInputException"/> naming the file otherwise.
    /// </summary>
    public static ComparedRun Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw new ComparisonInputException($"No such file: {path}. Pass a conformance.json or cucumber.ndjson that a run wrote.");
        }

        try
        {
            return AsConformanceJson(path) ?? AsMessages(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ComparisonInputException($"Cannot read {path}: {e.Message}");
        }
    }

    private static ComparedRun? AsConformanceJson(string path)
    {
        var text = System.IO.File.ReadAllText(path);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not one JSON document: perhaps messages, one per line.
            return null;
        }

        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object || !parsed.RootElement.TryGetProperty("schemaVersion", out var version))
            {
                return null;
            }

            if (!version.TryGetInt32(out var schema) || schema < 1 || schema > ConformanceJsonWriter.SchemaVersion)
            {
                throw new ComparisonInputException(
                    $"{path} has schemaVersion {version}, which this tool (schema {ConformanceJsonWriter.SchemaVersion}) cannot read: compare files written by this version or an older one.");
            }

            if (ShapeProblem(parsed.RootElement) is { } problem)
            {
                throw new ComparisonInputException($"{path} is not a conformance.json this tool can read: {problem}.");
            }
        }

        try
        {
            var document = ConformanceJsonWriter.Read(text);
            return document is { Groups: not null, Run: not null }
                ? new ComparedRun(path, document)
                : throw new ComparisonInputException($"{path} is not a conformance.json: it has no run or groups.");
        }
        catch (JsonException e)
        {
            throw new ComparisonInputException($"{path} is not a conformance.json this tool can read: {e.Message}");
        }
    }

    /// <summary>
    /// What the typed reading would let through silently: a behaviour without an id, a verdict (which
    /// would read as the first verdict) or scenarios, or an id twice. Null when the shape is sound.
    /// </summary>
    private static string? ShapeProblem(JsonElement root)
    {
        if (!root.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array)
        {
            return "it has no \"groups\" array";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var g = 0;
        foreach (var group in groups.EnumerateArray())
        {
            g++;
            if (group.ValueKind != JsonValueKind.Object || !group.TryGetProperty("behaviours", out var behaviours) || behaviours.ValueKind != JsonValueKind.Array)
            {
                return $"group {g} has no \"behaviours\" array";
            }

            var b = 0;
            foreach (var behaviour in behaviours.EnumerateArray())
            {
                b++;
                var missing = new[] { ("id", JsonValueKind.String), ("verdict", JsonValueKind.String), ("scenarios", JsonValueKind.Array) }
                    .FirstOrDefault(p => behaviour.ValueKind != JsonValueKind.Object || !behaviour.TryGetProperty(p.Item1, out var value) || value.ValueKind != p.Item2);
                if (missing.Item1 is { } name)
                {
                    return $"behaviour {b} of group {g} has no \"{name}\"";
                }

                if (!ids.Add(behaviour.GetProperty("id").GetString()!))
                {
                    return $"behaviour \"{behaviour.GetProperty("id").GetString()}\" is listed twice";
                }
            }
        }

        return null;
    }

    private static ComparedRun AsMessages(string path)
    {
        if (!ConformanceReport.HoldsMessages(path))
        {
            throw new ComparisonInputException($"{path} is neither a conformance.json nor a cucumber.ndjson: pass one of the files a run wrote to its reports folder.");
        }

        var matrix = ConformanceReport.Build(path);
        return new ComparedRun(path, ConformanceDocument.From(matrix, ConformanceJsonWriter.SchemaVersion));
    }
}
