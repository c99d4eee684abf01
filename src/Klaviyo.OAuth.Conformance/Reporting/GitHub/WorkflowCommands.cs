using System.Text;

namespace Klaviyo.OAuth.Conformance.Reporting.GitHub;

public enum AnnotationLevel
{
    Error,
    Warning,
}

/// <summary>One annotation of a GitHub Actions step: shown on the run's summary and, with a file, on that file's line.</summary>
/// <param name="Title">The behaviour's or rule's id.</param>
/// <param name="File">A path relative to the workspace, or null when the file is not in it.</param>
public sealed record Annotation(AnnotationLevel Level, string Title, string Message, string? File = null, int? Line = null);

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,title=…::message</c>), escaped as the
/// runner requires: data escapes <c>%</c>, CR and LF; property values also <c>:</c> and <c>,</c>.
/// GitHub shows at most 10 annotations of each level per step, so the rest are named in one more.
/// </summary>
public static class WorkflowCommands
{
    public const int MaxPerLevel = 10;

    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static string Format(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var command = new StringBuilder("::").Append(annotation.Level == AnnotationLevel.Error ? "error" : "warning").Append(' ');
        var properties = new List<string>(3);
        if (annotation.File is { } file)
        {
            properties.Add("file=" + EscapeProperty(file));
            if (annotation.Line is { } line)
            {
                properties.Add("line=" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        properties.Add("title=" + EscapeProperty(annotation.Title));
        return command.AppendJoin(',', properties).Append("::").Append(EscapeData(annotation.Message)).ToString();
    }

    /// <summary>At most <see cref="MaxPerLevel"/> of each level, then one that names the rest (by title), so none goes unsaid.</summary>
    public static IEnumerable<Annotation> Limit(IEnumerable<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var all = annotations.ToList();
        foreach (var level in Enum.GetValues<AnnotationLevel>())
        {
            var ofLevel = all.Where(a => a.Level == level).ToList();
            var shown = ofLevel.Count > MaxPerLevel ? MaxPerLevel - 1 : ofLevel.Count;
            foreach (var annotation in ofLevel.Take(shown))
            {
                yield return annotation;
            }

            var rest = ofLevel.Skip(shown).ToList();
            if (rest.Count > 0)
            {
                yield return new Annotation(level, $"{rest.Count} more", $"{rest.Count} more not shown here (see the reports): {string.Join(", ", rest.Select(a => a.Title))}");
            }
        }
    }
}
