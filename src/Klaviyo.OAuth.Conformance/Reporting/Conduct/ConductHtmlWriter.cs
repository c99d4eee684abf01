using System.Net;
using System.Text;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting.Conduct;

/// <summary>
/// client-conduct.html: one self-contained page. Hooks for tools: <c>data-rule-id</c> and
/// <c>class="verdict-&lt;verdict&gt;"</c> on each row.
/// </summary>
public sealed class ConductHtmlWriter : IReportWriter<ClientConductReport>
{
    public const string FileName = "client-conduct.html";

    string IReportWriter<ClientConductReport>.FileName => FileName;

    string IReportWriter<ClientConductReport>.Render(ClientConductReport report) => Render(report);

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #d1d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}.fails{color:#cf222e}.passes{color:#1a7f37}
        tr.verdict-not-satisfied td.verdict{color:#cf222e;font-weight:600}tr.verdict-advisory-not-met td.verdict{color:#9a6700}
        tr.verdict-not-verified td.verdict{color:#59636e}tr.verdict-satisfied td.verdict{color:#1a7f37}
        tr.verdict-known-deviation td.verdict,tr.verdict-deviation-resolved td.verdict{color:#8250df}
        """;

    public static string Render(ClientConductReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\">").AppendLine("<head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(E(ClientConductReport.Title)).Append("</title><style>").Append(Style).AppendLine("</style></head><body>");
        html.Append("<h1>").Append(E(ClientConductReport.Title)).AppendLine("</h1>");
        html.Append("<p>Traffic: ").Append(E(report.Source)).Append(" (").Append(report.Requests).AppendLine(" requests)</p>");
        if (report.UnattributedNote is { } note)
        {
            html.Append("<p>").Append(E(note)).AppendLine("</p>");
        }

        html.Append("<p class=\"").Append(report.FailsBuild || report.NoRequests ? "fails" : "passes").Append("\"><strong>").Append(E(report.Outcome)).AppendLine("</strong></p>");
        html.Append("<p>").Append(E(report.Counts())).AppendLine("</p>");
        html.AppendLine("<table><thead><tr><th>rule</th><th>level</th><th>verdict</th><th>detail</th></tr></thead><tbody>");
        foreach (var result in report.Results)
        {
            html.Append("<tr data-rule-id=\"").Append(E(result.Rule.Id)).Append("\" class=\"verdict-").Append(report.State(result).Replace(' ', '-')).Append("\">")
                .Append("<td><code>").Append(E(result.Rule.Id)).Append("</code><br>").Append(E(result.Rule.Rule)).Append("</td>")
                .Append("<td>").Append(E(ClientConductReport.Level(result))).Append("</td>")
                .Append("<td class=\"verdict\">").Append(E(report.State(result))).Append("</td><td>");
            if (report.DeviationNote(result) is { } deviation)
            {
                html.Append("<p class=\"deviation\">").Append(E(deviation)).Append("</p>");
            }

            if (result.Evidence.Count == 0)
            {
                html.Append(E(ClientConductReport.Explanation(result)));
            }
            else
            {
                html.Append("<ul>");
                foreach (var evidence in result.Evidence)
                {
                    html.Append("<li>").Append(E(ClientConductReport.Line(evidence))).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.AppendLine("</td></tr>");
        }

        html.AppendLine("</tbody></table></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
