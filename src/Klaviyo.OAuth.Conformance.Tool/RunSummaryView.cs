using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.GitHub;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Guide;
using Spectre.Console;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// The end of a run or a report as a person reads it: a table of the behaviours per verdict with the
/// total, the behaviours that fell short and why, the coloured verdict, and where the reports are;
/// and the exit code that verdict means.
/// </summary>
internal static class RunSummaryView
{
    /// <summary>The end of a run.</summary>
    public static void Show(IToolConsole console, WrittenReports reports) =>
        Show(console, reports.Matrix, reports.Files, reports.StrictAdvisory, reports.Names);

    /// <summary>The end of a run or a report (<c>run</c>, <c>report</c>); in a GitHub Actions step also its annotations and the job summary.</summary>
    public static void Show(IToolConsole console, ConformanceMatrix matrix, IReadOnlyList<string> reportFiles, bool strictAdvisory, SettingsProvenance? names = null)
    {
        ShowSummary(console, matrix, reportFiles, strictAdvisory, names);
        GitHubActions.FromEnvironment().Publish(matrix, console.Out, strictAdvisory);
    }

    private static void ShowSummary(IToolConsole console, ConformanceMatrix matrix, IReadOnlyList<string> reportFiles, bool strictAdvisory, SettingsProvenance? names)
    {
        console.Line(string.Empty);
        console.Line(ConsoleSummary.Heading(matrix));
        var counts = new Table().AddColumn("Behaviours").AddColumn(new TableColumn("count").RightAligned());
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            counts.AddRow(new Markup(Coloured(verdict, verdict.Label())), new Markup(Coloured(verdict, matrix.Counts[verdict].ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        counts.AddRow(new Markup("[bold]total[/]"), new Markup($"[bold]{matrix.Rows.Count}[/]"));
        console.Write(counts);

        var shortfalls = ConsoleSummary.Shortfalls(matrix);
        if (shortfalls.Count > 0)
        {
            var table = new Table().AddColumn("Behaviour").AddColumn("Verdict").AddColumn("Why");
            foreach (var (id, verdict, explanation) in shortfalls)
            {
                table.AddRow(new Text(id), new Markup(Coloured(verdict, verdict.Label())), new Text(explanation));
            }

            console.Write(table);
        }

        foreach (var note in ConsoleSummary.Notes(matrix, names))
        {
            console.Line(note);
        }

        console.Verdict(ExitCode(matrix, strictAdvisory) == ExitCodes.Conforming, ConsoleSummary.Outcome(matrix, strictAdvisory, names));
        if (ConsoleSummary.ReportsLine(reportFiles) is { Length: > 0 } where)
        {
            console.PrintWhole(where);
        }
    }

    /// <summary>
    /// The exit code of a run's matrix: 3 when nothing could be verified (the target unreachable, or no
    /// documented behaviour verified) and nothing failed, 1 when the verdict fails, else 0.
    /// </summary>
    public static int ExitCode(ConformanceMatrix matrix, bool strictAdvisory)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.FailsBuild(strictAdvisory))
        {
            return ExitCodes.Conforming;
        }

        var verdictFailed = matrix.Rows.Any(r => r.FailsBuild(strictAdvisory, matrix.Deviations.Strict));
        return matrix.Unreachable || (matrix.NothingVerified && !verdictFailed) ? ExitCodes.Unverified : ExitCodes.FailsBuild;
    }

    private static string Coloured(Verdict verdict, string text) => verdict switch
    {
        Verdict.Satisfied => $"[green]{Markup.Escape(text)}[/]",
        Verdict.NotSatisfied or Verdict.NoScenario => $"[red]{Markup.Escape(text)}[/]",
        Verdict.AdvisoryNotMet => $"[yellow]{Markup.Escape(text)}[/]",
        _ => $"[grey]{Markup.Escape(text)}[/]",
    };
}
