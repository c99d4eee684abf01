using System.Net;
using System.Text;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>
/// conformance.html: one self-contained page (inline CSS, no scripts), readable offline: the summary,
/// a table of contents, then per group a table of its behaviours and a section for each (see
/// <see cref="BehaviourHtmlSection"/>). Stable hooks for tools and browser tests:
/// <c>id="count-&lt;verdict&gt;"</c> on each count, <c>nav id="contents"</c>, <c>data-behaviour-id</c>
/// and <c>class="verdict-&lt;verdict&gt;"</c> on each row, <c>id="behaviour-&lt;id&gt;"</c> on each section,
/// <c>pre class="evidence"</c> and <c>p class="fix"</c> in a failing one.
/// </summary>
public sealed class ConformanceHtmlWriter : IReportWriter<ConformanceMatrix>
{
    public const string FileName = "conformance.html";

    string IReportWriter<ConformanceMatrix>.FileName => FileName;

    string IReportWriter<ConformanceMatrix>.Render(ConformanceMatrix report) => Render(report);

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
        h1{margin-bottom:.25rem}
        .run{color:#59636e;margin:0 0 1rem}
        .run span{margin-right:1rem}
        .summary{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
        .summary div{border:1px solid #d1d9e0;border-radius:6px;padding:.5rem 1rem;min-width:8rem}
        .summary .count{display:block;font-size:1.8rem;font-weight:600}
        .outcome{font-weight:600}
        .outcome.fails{color:#cf222e}.outcome.passes{color:#1a7f37}
        table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
        th,td{border:1px solid #d1d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}
        code{font-family:ui-monospace,SFMono-Regular,Consolas,monospace}
        tr.verdict-not-satisfied td.verdict,tr.verdict-no-scenario td.verdict{color:#cf222e;font-weight:600}
        tr.verdict-advisory-not-met td.verdict{color:#9a6700;font-weight:600}
        tr.verdict-not-verified td.verdict{color:#59636e}
        tr.verdict-satisfied td.verdict{color:#1a7f37}
        tr.verdict-known-deviation td.verdict,tr.verdict-deviation-resolved td.verdict{color:#8250df;font-weight:600}
        pre{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
        pre.evidence{display:block;width:100%;box-sizing:border-box;font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:.85rem;border:1px solid #d1d9e0;border-radius:6px}
        nav#contents ul{margin:.25rem 0}
        nav#contents li.verdict-not-satisfied a,nav#contents li.verdict-no-scenario a{color:#cf222e;font-weight:600}
        section.behaviour{border-top:1px solid #d1d9e0;padding:.5rem 0;margin-bottom:1rem}
        section.behaviour h3{margin:.25rem 0}
        section.behaviour.verdict-not-satisfied h3 .verdict,section.behaviour.verdict-no-scenario h3 .verdict{color:#cf222e}
        section.behaviour.verdict-advisory-not-met h3 .verdict{color:#9a6700}
        section.behaviour.verdict-satisfied h3 .verdict{color:#1a7f37}
        ul.scenarios{margin:.25rem 0;color:#59636e}
        p.fix{background:#fff8c5;border-left:4px solid #9a6700;padding:.5rem}
        """;

    public static string Render(ConformanceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E(ReportText.Title)).AppendLine("</title>");
        html.Append("<style>").Append(Style).AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.Append("<h1>").Append(E(ReportText.Title)).AppendLine("</h1>");

        AppendSummary(html, matrix);
        AppendContents(html, matrix);
        foreach (var group in matrix.Groups)
        {
            AppendGroup(html, group);
        }

        AppendEnginePart(html, ReportText.TipsTitle, "troubleshooting-tips", "tip", "the guide's tip", matrix.TipRows);
        AppendEnginePart(html, ReportText.ConductTitle, "client-conduct-rules", "rule", "what the app does", matrix.ConductRuleRows);
        AppendDefects(html, matrix);
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, ConformanceMatrix matrix)
    {
        html.AppendLine("<section id=\"summary\">");
        html.Append("<p class=\"run\">");
        foreach (var (label, value) in ReportText.RunFacts(matrix.Run))
        {
            html.Append("<span>").Append(E(label)).Append(": <strong>").Append(E(value)).Append("</strong></span>");
        }

        html.AppendLine("</p>");
        html.AppendLine("<div class=\"summary\">");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            html.Append("<div class=\"verdict-").Append(verdict.Key()).Append("\"><span class=\"count\" id=\"count-").Append(verdict.Key()).Append("\">")
                .Append(matrix.Counts[verdict]).Append("</span>").Append(verdict.TextMark()).Append(' ').Append(E(verdict.Label())).AppendLine("</div>");
        }

        html.Append("<div><span class=\"count\" id=\"count-suite-defects\">").Append(matrix.Defects.Count).AppendLine("</span>suite defects</div>");
        html.Append("<div><span class=\"count\" id=\"count-scenarios\">").Append(matrix.ScenarioCount).AppendLine("</span>scenarios</div>");
        html.AppendLine("</div>");
        var fails = matrix.FailsBuild();
        html.Append("<p id=\"outcome\" class=\"outcome ").Append(fails ? "fails" : "passes").Append("\">").Append(E(ReportText.Outcome(matrix))).AppendLine("</p>");
        html.AppendLine("</section>");
    }

    private static void AppendContents(StringBuilder html, ConformanceMatrix matrix)
    {
        html.AppendLine("<nav id=\"contents\">");
        html.AppendLine("<h2>Contents</h2>");
        html.AppendLine("<ul>");
        foreach (var group in matrix.Groups)
        {
            html.Append("<li><a href=\"#group-").Append(group.Group.Key()).Append("\">").Append(E(group.Title)).AppendLine("</a>");
            html.AppendLine("<ul>");
            foreach (var row in group.Rows)
            {
                html.Append("<li class=\"verdict-").Append(row.Verdict.Key()).Append("\"><a href=\"#").Append(E(BehaviourHtmlSection.Anchor(row))).Append("\">")
                    .Append(row.Verdict.TextMark()).Append(' ').Append(E(row.Id)).Append("</a> ").Append(E(row.Verdict.Label())).AppendLine("</li>");
            }

            html.AppendLine("</ul></li>");
        }

        AppendContentsEntry(html, matrix.TipRows.Count > 0, "troubleshooting-tips", ReportText.TipsTitle);
        AppendContentsEntry(html, matrix.ConductRuleRows.Count > 0, "client-conduct-rules", ReportText.ConductTitle);
        AppendContentsEntry(html, matrix.Defects.Count > 0 || matrix.MalformedLines > 0, "defects", "Suite defects");
        html.Append("<li><a href=\"").Append(TheGuide.Url).Append("\">Klaviyo's guide, ").Append(E(TheGuide.Title)).AppendLine("</a></li>");
        html.AppendLine("</ul>");
        html.AppendLine("</nav>");
    }

    private static void AppendContentsEntry(StringBuilder html, bool present, string id, string title)
    {
        if (present)
        {
            html.Append("<li><a href=\"#").Append(id).Append("\">").Append(E(title)).AppendLine("</a></li>");
        }
    }

    private static void AppendEnginePart(StringBuilder html, string title, string id, string kind, string words, IReadOnlyList<EnginePartRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"group\" id=\"").Append(id).AppendLine("\">");
        html.Append("<h2>").Append(E(title)).AppendLine("</h2>");
        html.AppendLine("<table>");
        html.Append("<thead><tr><th>").Append(kind).Append("</th><th>section</th><th>").Append(words).AppendLine("</th><th>verdict</th><th>scenarios</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr data-").Append(kind).Append("-id=\"").Append(E(row.Id)).Append("\" class=\"verdict-").Append(row.Verdict.Key()).AppendLine("\">");
            html.Append("<td><code>").Append(E(row.Id)).Append("</code></td><td>").Append(E(row.Section)).Append("</td><td>").Append(E(row.Words)).AppendLine("</td>");
            html.Append("<td class=\"verdict\">").Append(row.Verdict.TextMark()).Append(' ').Append(E(row.Verdict.Label())).AppendLine("</td>");
            html.Append("<td>").Append(E(row.ScenarioTally())).AppendLine("</td>");
            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</section>");
    }

    private static void AppendGroup(StringBuilder html, BehaviourGroupRows group)
    {
        html.Append("<section class=\"group\" id=\"group-").Append(group.Group.Key()).AppendLine("\">");
        html.Append("<h2>").Append(E(group.Title)).AppendLine("</h2>");
        html.AppendLine("<table>");
        html.AppendLine("<thead><tr><th>id</th><th>level</th><th>behaviour</th><th>verdict</th><th>scenarios</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in group.Rows)
        {
            AppendRow(html, row);
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        foreach (var row in group.Rows)
        {
            BehaviourHtmlSection.Append(html, row);
        }

        html.AppendLine("</section>");
    }

    private static void AppendRow(StringBuilder html, BehaviourRow row)
    {
        var behaviour = row.Behaviour;
        html.Append("<tr data-behaviour-id=\"").Append(E(row.Id)).Append("\" class=\"verdict-").Append(row.Verdict.Key()).AppendLine("\">");
        html.Append("<td><a href=\"#").Append(E(BehaviourHtmlSection.Anchor(row))).Append("\"><code>").Append(E(row.Id)).AppendLine("</code></a></td>");
        html.Append("<td>").Append(E(behaviour.Level.Key())).AppendLine("</td>");
        html.Append("<td>").Append(E(behaviour.Description)).Append("<br><em>Expected:</em> ").Append(E(behaviour.Expected)).AppendLine("</td>");
        html.Append("<td class=\"verdict\">").Append(row.Verdict.TextMark()).Append(' ').Append(E(row.Verdict.Label()));
        foreach (var reason in row.Reasons)
        {
            html.Append("<br><small>").Append(E(reason)).Append("</small>");
        }

        if (row.Deviation is not null)
        {
            html.Append("<br><small class=\"deviation\">").Append(E(ReportText.DeviationText(row))).Append("</small>");
        }

        html.AppendLine("</td>");
        html.Append("<td>").Append(E(row.ScenarioTally())).AppendLine("</td>");
        html.AppendLine("</tr>");
    }

    private static void AppendDefects(StringBuilder html, ConformanceMatrix matrix)
    {
        if (matrix.Defects.Count == 0 && matrix.MalformedLines == 0)
        {
            return;
        }

        html.AppendLine("<section id=\"defects\">");
        html.AppendLine("<h2>Suite defects</h2>");
        html.AppendLine("<ul>");
        foreach (var defect in matrix.Defects)
        {
            html.Append("<li class=\"defect ").Append(defect.KindKey).Append("\">").Append(E(defect.Message)).AppendLine("</li>");
        }

        if (matrix.MalformedLines > 0)
        {
            html.Append("<li class=\"defect malformed-lines\">").Append(matrix.MalformedLines).AppendLine(" malformed lines of the messages were skipped.</li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("</section>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
