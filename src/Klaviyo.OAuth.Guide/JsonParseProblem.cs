using System.Text.Json;

namespace Klaviyo.OAuth.Guide;

/// <summary>
/// Where and why a JSON text did not parse, in words a person reads. System.Text.Json counts lines
/// and bytes from 0 and appends "LineNumber: 0 | BytePositionInLine: 0." to its reason; every file
/// and body the project reads (settings, deviations, mappings, captures, control requests) says it this way.
/// </summary>
public static class JsonParseProblem
{
    /// <summary>" at line 2, column 5", counted from 1; empty when the parser did not say.</summary>
    public static string Where(JsonException problem) => Position(problem) is { } position ? " at " + position : string.Empty;

    /// <summary>"line 2, column 5", counted from 1; null when the parser did not say.</summary>
    public static string? Position(JsonException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.LineNumber is { } line ? $"line {line + 1}, column {(problem.BytePositionInLine ?? 0) + 1}" : null;
    }

    /// <summary>
    /// The parser's reason without its position. It may quote a character of the text, so a text
    /// that may carry a secret sent by mistake (a request body) gets <see cref="Where"/> alone.
    /// </summary>
    public static string Why(JsonException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Message.Split(" LineNumber:", 2)[0].Trim();
    }
}
