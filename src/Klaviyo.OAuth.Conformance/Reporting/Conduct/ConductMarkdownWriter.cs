using System.Text;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting.Conduct;

/// <summary>client-conduct.md: the counts, then one row per rule, then the evidence of each broken rule.</summary>
public sealed class ConductMarkdownWriter : IReportWriter<ClientConductReport>
{
    public const string FileName = "client-conduct.md";

    string IReportWriter<ClientConductReport>.FileName => FileName;

    string IReportWriter<ClientConductReport>.Render(ClientConductReport report) => Render(report);

    public static string Render(ClientConductReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(ClientConductReport.Title).AppendLine();
        md.Append("Traffic: ").Append(Cell(report.Source)).Append(" (").Append(report.Requests).AppendLine(" requests)").AppendLine();
        if (report.UnattributedNote is { } note)
        {
            md.AppendLine(note).AppendLine();
        }

        md.Append("**").Append(report.Outcome).AppendLine("**").AppendLine();
        md.AppendLine(report.Counts()).AppendLine();
        md.AppendLine("| rule | level | verdict | detail |");
        md.AppendLine("|---|---|---|---|");
        foreach (var result in report.Results)
        {
            md.Append("| `").Append(result.Rule.Id).Append("` | ").Append(ClientConductReport.Level(result)).Append(" | ")
                .Append(report.State(result)).Append(" | ").Append(Cell(report.Detail(result))).AppendLine(" |");
        }

        foreach (var result in report.Results.Where(r => r.Evidence.Count > 0))
        {
            md.AppendLine().Append("## `").Append(result.Rule.Id).Append("`: ").AppendLine(Cell(result.Rule.Rule)).AppendLine();
            foreach (var evidence in result.Evidence)
            {
                md.Append("- ").AppendLine(Cell(ClientConductReport.Line(evidence)));
            }
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
