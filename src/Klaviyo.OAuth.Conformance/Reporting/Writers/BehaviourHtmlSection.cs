using System.Net;
using System.Text;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>
/// conformance.html's section for one behaviour, under its group's table: what it is, its verdict,
/// its scenarios, each failure's evidence at the page's full width, and the guide's "why and how to
/// fix" once, with a link to the guide.
/// </summary>
internal static class BehaviourHtmlSection
{
    /// <summary>The section's anchor: <c>behaviour-token.refresh.not-found</c>.</summary>
    public static string Anchor(BehaviourRow row) => "behaviour-" + row.Id;

    public static void Append(StringBuilder html, BehaviourRow row)
    {
        var behaviour = row.Behaviour;
        html.Append("<section class=\"behaviour verdict-").Append(row.Verdict.Key()).Append("\" id=\"").Append(E(Anchor(row))).AppendLine("\">");
        html.Append("<h3><code>").Append(E(row.Id)).Append("</code> <span class=\"verdict\">").Append(row.Verdict.TextMark()).Append(' ')
            .Append(E(row.Verdict.Label())).AppendLine("</span></h3>");
        html.Append("<p>").Append(E(behaviour.Description)).Append(" <em>Expected:</em> ").Append(E(behaviour.Expected))
            .Append(" <small>(").Append(E(behaviour.Level.Key())).AppendLine(")</small></p>");
        foreach (var reason in row.Reasons)
        {
            html.Append("<p class=\"reason\"><small>").Append(E(reason)).AppendLine("</small></p>");
        }

        html.AppendLine("<ul class=\"scenarios\">");
        foreach (var scenario in row.Scenarios.Where(s => s.Outcome != ScenarioOutcome.Failed))
        {
            var outcome = scenario.Outcome.ToString().ToLowerInvariant();
            html.Append("<li class=\"scenario ").Append(outcome).Append("\">").Append(E(outcome)).Append(": ").Append(E(scenario.Name)).AppendLine("</li>");
        }

        html.AppendLine("</ul>");
        foreach (var failure in row.Failures)
        {
            AppendFailure(html, row, failure);
        }

        if (row.Failures.Any())
        {
            html.Append("<p class=\"fix\"><strong>Why and how to fix:</strong> ").Append(E(behaviour.WhyAndHowToFix)).AppendLine("</p>");
        }

        html.Append("<p class=\"guide\"><small>").Append(E(behaviour.Reference)).Append(" · <a href=\"").Append(TheGuide.Url).Append("\">open the guide, ")
            .Append(E(TheGuide.Title)).Append("</a> · <a href=\"#").Append(E(Anchor(row))).AppendLine("\">link to this behaviour</a></small></p>");
        html.AppendLine("</section>");
    }

    private static void AppendFailure(StringBuilder html, BehaviourRow row, ScenarioResult scenario)
    {
        html.AppendLine("<div class=\"scenario failed\">");
        html.Append("<h4>failed: ").Append(E(scenario.Name)).Append(" <small>").Append(E(scenario.Uri)).AppendLine("</small></h4>");
        if (scenario.FailedStep is not null)
        {
            html.Append("<p>Failed step: <code>").Append(E(scenario.FailedStep)).AppendLine("</code></p>");
        }

        html.Append("<pre class=\"evidence\">").Append(E(WithoutTheFix(scenario.Evidence ?? string.Empty, row))).AppendLine("</pre>");
        html.AppendLine("</div>");
    }

    /// <summary>
    /// A failed check ends its message with the behaviour's "Why and how to fix (reference): …", as the
    /// console shows it; the section shows that once, below the evidence, so it is cut from here.
    /// </summary>
    private static string WithoutTheFix(string evidence, BehaviourRow row)
    {
        var fix = evidence.LastIndexOf($"Why and how to fix ({row.Behaviour.Reference}): ", StringComparison.Ordinal);
        return fix < 0 ? evidence : evidence[..fix].TrimEnd();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
