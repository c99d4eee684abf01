using Klaviyo.OAuth.Guide;
using System.Text;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>conformance.md: the matrix for people and CI job summaries; GitHub renders it as is.</summary>
public sealed class ConformanceMarkdownWriter : IReportWriter<ConformanceMatrix>
{
    public const string FileName = "conformance.md";

    string IReportWriter<ConformanceMatrix>.FileName => FileName;

    string IReportWriter<ConformanceMatrix>.Render(ConformanceMatrix report) => Render(report);

    public static string Render(ConformanceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(ReportText.Title).AppendLine();
        md.Append("**").Append(ReportText.Counts(matrix)).Append("** — ")
            .Append(matrix.Defects.Count).Append(" suite defects, ").Append(matrix.ScenarioCount).AppendLine(" scenarios").AppendLine();
        md.AppendLine(ReportText.Outcome(matrix)).AppendLine();
        md.AppendLine(string.Join(" · ", ReportText.RunFacts(matrix.Run).Select(f => $"{f.Label}: {Cell(f.Value)}"))).AppendLine();

        foreach (var group in matrix.Groups)
        {
            md.Append("## ").AppendLine(group.Title).AppendLine();
            md.AppendLine("| id | level | verdict | scenarios |");
            md.AppendLine("|---|---|---|---|");
            foreach (var row in group.Rows)
            {
                md.Append("| `").Append(row.Id).Append("` | ").Append(row.Behaviour.Level.Key())
                    .Append(" | ").Append(row.Verdict.Mark()).Append(' ').Append(row.Verdict.Label())
                    .Append(" | ").Append(row.ScenarioTally()).AppendLine(" |");
            }

            md.AppendLine();
        }

        AppendEnginePart(md, ReportText.TipsTitle, "tip", matrix.TipRows);
        AppendEnginePart(md, ReportText.ConductTitle, "rule", matrix.ConductRuleRows);
        AppendNotVerified(md, matrix);
        AppendDeviations(md, matrix);
        AppendFailures(md, matrix);
        AppendDefects(md, matrix);
        return md.ToString();
    }

    // The guide's other half: each tip (and each client-conduct rule), and whether its scenarios pass.
    private static void AppendEnginePart(StringBuilder md, string title, string kind, IReadOnlyList<EnginePartRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("## ").AppendLine(title).AppendLine();
        md.Append("| ").Append(kind).AppendLine(" | section | verdict | scenarios |");
        md.AppendLine("|---|---|---|---|");
        foreach (var row in rows)
        {
            md.Append("| `").Append(row.Id).Append("` | ").Append(Cell(row.Section))
                .Append(" | ").Append(row.Verdict.Mark()).Append(' ').Append(row.Verdict.Label())
                .Append(" | ").Append(row.ScenarioTally()).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static void AppendNotVerified(StringBuilder md, ConformanceMatrix matrix)
    {
        var rows = matrix.Rows.Where(r => r.Verdict == Verdict.NotVerified).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        md.AppendLine("## Not verified").AppendLine();
        foreach (var row in rows)
        {
            md.Append("- `").Append(row.Id).Append("`: ").AppendLine(Cell(string.Join("; ", row.Reasons)));
        }

        md.AppendLine();
    }

    // Every listed behaviour, whatever became of it: the list a team keeps short.
    private static void AppendDeviations(StringBuilder md, ConformanceMatrix matrix)
    {
        var rows = matrix.Rows.Where(r => r.Deviation is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        md.AppendLine("## Known deviations").AppendLine();
        md.AppendLine("| id | verdict | reason | until |");
        md.AppendLine("|---|---|---|---|");
        foreach (var row in rows)
        {
            md.Append("| `").Append(row.Id).Append("` | ").Append(row.Verdict.Mark()).Append(' ').Append(row.Verdict.Label())
                .Append(row.DeviationExpired ? " (entry expired)" : string.Empty)
                .Append(" | ").Append(Cell(row.Deviation!.Reason)).Append(" | ").Append(row.Deviation.UntilText).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static void AppendFailures(StringBuilder md, ConformanceMatrix matrix)
    {
        var rows = matrix.Rows.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        md.AppendLine("## Failures").AppendLine();
        foreach (var row in rows)
        {
            md.Append("### ").Append(row.Verdict.Mark()).Append(" `").Append(row.Id).Append("` — ").AppendLine(row.Verdict.Label()).AppendLine();
            md.Append("Expected: ").AppendLine(Cell(row.Behaviour.Expected)).AppendLine();
            md.Append("Why and how to fix: ").AppendLine(Cell(row.Behaviour.WhyAndHowToFix)).AppendLine();
            md.Append("Reference: ").AppendLine(Cell(row.Behaviour.Reference)).AppendLine();
            foreach (var scenario in row.Failures)
            {
                md.Append("**").Append(Cell(scenario.Name)).Append("** (").Append(scenario.Uri).AppendLine(")").AppendLine();
                if (scenario.FailedStep is not null)
                {
                    md.Append("Failed step: ").AppendLine(Cell(scenario.FailedStep)).AppendLine();
                }

                AppendFenced(md, scenario.Evidence ?? string.Empty);
            }
        }
    }

    private static void AppendDefects(StringBuilder md, ConformanceMatrix matrix)
    {
        if (matrix.Defects.Count == 0 && matrix.MalformedLines == 0)
        {
            return;
        }

        md.AppendLine("## Suite defects").AppendLine();
        foreach (var defect in matrix.Defects)
        {
            md.Append("- ").Append(defect.KindKey).Append(": ").AppendLine(Cell(defect.Message));
        }

        if (matrix.MalformedLines > 0)
        {
            md.Append("- ").Append(matrix.MalformedLines).AppendLine(" malformed lines of the messages were skipped.");
        }

        md.AppendLine();
    }

    // A fence longer than any run of backticks inside, so evidence can never close it early.
    private static void AppendFenced(StringBuilder md, string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        md.AppendLine(fence).AppendLine(text.TrimEnd()).AppendLine(fence).AppendLine();
    }

    // Table cells and list items: one line, pipes escaped.
    /// <summary>Text fit for a table cell: one line, pipes escaped.</summary>
    internal static string Cell(string text) =>
        text.Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);
}
