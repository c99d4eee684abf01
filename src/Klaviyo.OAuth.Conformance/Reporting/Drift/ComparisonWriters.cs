using Klaviyo.OAuth.Guide;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Drift;

/// <summary>The comparison's words, shared by the console, <c>compare.md</c> and <c>compare.json</c>.</summary>
public static class ComparisonText
{
    public const string Title = "Drift between two runs";

    public const string MarkdownFileName = "compare.md";

    public const string JsonFileName = "compare.json";

    /// <summary>"embedded, started 2026-01-01 00:00:00 UTC, tool 0.1.0".</summary>
    public static string Facts(ComparedRunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var facts = new List<string> { run.Target };
        if (run.StartedAt is { } started)
        {
            facts.Add("started " + ReportText.Time(started));
        }

        facts.Add($"tool {run.ToolVersion ?? "unknown"}, schema {run.SchemaVersion}");
        return string.Join(", ", facts);
    }

    public static string Move(VerdictChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Move switch
        {
            VerdictMove.Regressed => "regressed",
            VerdictMove.Improved => "improved",
            _ when change.Old == Verdict.Satisfied && change.New == Verdict.NotVerified => "not verified any more (not a regression)",
            _ => "changed",
        };
    }

    /// <summary>"POST /oauth/token: body gained field `scope`".</summary>
    public static string Line(ObservationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{change.Request}: {change.Change}";
    }

    /// <summary>The answers' changes in one cell: "POST /oauth/token: status 400 → 401; …".</summary>
    public static string Lines(IEnumerable<ObservationChange> changes) => string.Join("; ", changes.Select(Line));

    /// <summary>A known-deviations entry past its date in the newer run, and not in the older one: "id: the known deviation (…) expired after …".</summary>
    public static string Expired(KnownDeviation entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{entry.Id}: {entry.Describe(expired: true)}";
    }

    /// <summary>The comparison's formats, in the order their files are listed.</summary>
    public static IReadOnlyList<IReportWriter<RunComparison>> Writers { get; } = [new ComparisonMarkdown(), new ComparisonJson()];

    /// <summary>Writes every format of <see cref="Writers"/> (compare.md, compare.json) into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(RunComparison comparison, string directory) => ReportFiles.WriteAll(comparison, directory, Writers);
}

/// <summary>compare.md: the comparison for people and CI job summaries.</summary>
public sealed class ComparisonMarkdown : IReportWriter<RunComparison>
{
    string IReportWriter<RunComparison>.FileName => ComparisonText.MarkdownFileName;

    string IReportWriter<RunComparison>.Render(RunComparison report) => Render(report);

    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(ComparisonText.Title).AppendLine();
        md.Append("**").Append(comparison.Outcome).AppendLine("**").AppendLine();
        md.AppendLine("| run | file | what |").AppendLine("|---|---|---|");
        md.Append("| old | `").Append(Cell(comparison.Old.File)).Append("` | ").Append(Cell(ComparisonText.Facts(comparison.Old))).AppendLine(" |");
        md.Append("| new | `").Append(Cell(comparison.New.File)).Append("` | ").Append(Cell(ComparisonText.Facts(comparison.New))).AppendLine(" |").AppendLine();
        if (comparison.VerdictsOnlyNote is { } note)
        {
            md.Append("> ").AppendLine(note).AppendLine();
        }

        Section(md, "Verdicts that changed", "| behaviour | old | new | move | what the answers did |", comparison.VerdictChanges,
            c => $"| `{c.Id}` | {c.Old.Mark()} {c.Old.Label()} | {c.New.Mark()} {c.New.Label()} | {ComparisonText.Move(c)} | {Cell(ComparisonText.Lines(c.Observations))} |");
        Section(md, "Known deviations that expired", "| behaviour | entry |", comparison.ExpiredDeviations,
            e => $"| `{e.Id}` | {Cell(ComparisonText.Expired(e))} |");
        Section(md, "Behaviours added to the catalogue", "| behaviour | verdict |", comparison.Added, a => $"| `{a.Id}` | {a.Verdict.Mark()} {a.Verdict.Label()} |");
        Section(md, "Behaviours gone from the catalogue", "| behaviour | last verdict |", comparison.Gone, g => $"| `{g.Id}` | {g.Verdict.Mark()} {g.Verdict.Label()} |");
        Section(md, "Answers that changed, verdict unchanged", "| behaviour | verdict | request | change | scenarios |",
            [.. comparison.ObservationChanges.SelectMany(d => d.Changes.Select(c => (d, c)))],
            x => $"| `{x.d.Id}` | {x.d.Verdict.Label()} | `{Cell(x.c.Request)}` | {Cell(x.c.Change)} | {Cell(string.Join("; ", x.c.Scenarios))} |");
        if (comparison.NothingChanged)
        {
            md.AppendLine("Nothing changed.");
        }

        return md.ToString();
    }

    private static void Section<T>(StringBuilder md, string title, string header, IReadOnlyList<T> items, Func<T, string> row)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append("## ").AppendLine(title).AppendLine();
        md.AppendLine(header);
        md.AppendLine(string.Concat(Enumerable.Repeat("|---", header.Count(c => c == '|') - 1)) + "|");
        foreach (var item in items)
        {
            md.AppendLine(row(item));
        }

        md.AppendLine();
    }

    private static string Cell(string text) => ConformanceMarkdownWriter.Cell(text);
}

/// <summary>compare.json: the comparison for machines, in conformance.json's style (camelCase, verdicts and moves in kebab case).</summary>
public sealed class ComparisonJson : IReportWriter<RunComparison>
{
    string IReportWriter<RunComparison>.FileName => ComparisonText.JsonFileName;

    string IReportWriter<RunComparison>.Render(RunComparison report) => Render(report);

    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return JsonSerializer.Serialize(new
        {
            outcome = comparison.Outcome,
            regressed = comparison.Regressed,
            nothingShared = comparison.NothingShared,
            observationsCompared = comparison.ObservationsCompared,
            verdictsOnlyNote = comparison.VerdictsOnlyNote,
            old = comparison.Old,
            @new = comparison.New,
            sharedVerified = comparison.SharedVerified.Count,
            verdictChanges = comparison.VerdictChanges,
            expiredDeviations = comparison.ExpiredDeviations.Select(e => new { e.Id, e.Reason, e.Until }),
            added = comparison.Added,
            gone = comparison.Gone,
            observationChanges = comparison.ObservationChanges,
        }, ConformanceJsonWriter.SerializerOptions);
    }
}
