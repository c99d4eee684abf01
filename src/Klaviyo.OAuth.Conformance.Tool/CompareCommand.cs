using System.CommandLine;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Drift;
using Klaviyo.OAuth.Guide;
using Spectre.Console;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>compare OLD NEW [--out DIR]</c>: what moved between two runs (<see cref="RunComparer"/>): verdicts
/// in both directions, behaviours added or gone, and the answers that changed where verdicts did not.
/// Prints it and writes compare.md and compare.json.
/// </summary>
internal static class CompareCommand
{
    public static readonly string[] Examples =
    [
        "compare previous/conformance.json reports/conformance.json --out reports",
        "compare previous reports",
    ];

    public static Command Create(IToolConsole console)
    {
        var old = new Argument<string>("OLD") { Description = "the earlier run: its conformance.json or cucumber.ndjson, or its reports folder" };
        var @new = new Argument<string>("NEW") { Description = "the later run: its conformance.json or cucumber.ndjson, or its reports folder" };
        var outFolder = OutputFolder.Option("where to write compare.md and compare.json (default ./reports)");
        var command = new Command(
            "compare",
            "Compares two runs: each behaviour whose verdict changed (both ways), behaviours added to or gone from the catalogue, "
            + "and for the others what the target answered differently (status, error, body fields, Content-Type, Retry-After, WWW-Authenticate, access token shape). "
            + "Exit 1 when a behaviour went from satisfied to not satisfied or advisory not met, or a known deviation expired; 3 when the runs share no verified behaviour.")
        {
            old, @new, outFolder,
        };
        command.SetAction(result => Run(result.GetValue(old)!, result.GetValue(@new)!, result.GetValue(outFolder) ?? OutputFolder.Default, console));
        return command;
    }

    public static int Run(string oldFile, string newFile, string outFolder, IToolConsole console)
    {
        var (oldRun, newRun) = (RunFiles.In(oldFile, RunFiles.Json, RunFiles.Messages), RunFiles.In(newFile, RunFiles.Json, RunFiles.Messages));
        if ((oldRun.Problem ?? newRun.Problem) is { } folder)
        {
            console.Problem(folder);
            return ExitCodes.BadUsage;
        }

        if (OutputFolder.Refuses(console, outFolder))
        {
            return ExitCodes.BadUsage;
        }

        RunComparison comparison;
        try
        {
            comparison = RunComparer.Compare(ComparedRun.Load(oldRun.File!), ComparedRun.Load(newRun.File!));
        }
        catch (ComparisonInputException bad)
        {
            console.Problem(bad.Message);
            return ExitCodes.BadUsage;
        }

        Show(console, comparison);
        return OutputFolder.TryWrite(console, outFolder, "the comparison", () => ComparisonText.WriteAll(comparison, outFolder))
            ? ExitCodes.Of(nothingVerified: comparison.NothingShared, failsBuild: comparison.Regressed)
            : ExitCodes.BadUsage;
    }

    private static void Show(IToolConsole console, RunComparison comparison)
    {
        console.Line($"{ComparisonText.Title}: {comparison.SharedVerified.Count} behaviours verified in both");
        console.Header("old", $"{comparison.Old.File} ({ComparisonText.Facts(comparison.Old)})");
        console.Header("new", $"{comparison.New.File} ({ComparisonText.Facts(comparison.New)})");
        if (comparison.VerdictsOnlyNote is { } note)
        {
            console.Line(note);
        }

        if (comparison.VerdictChanges.Count > 0)
        {
            var table = new Table().Title("Verdicts that changed").AddColumn("Behaviour").AddColumn("Old").AddColumn("New").AddColumn("Move").AddColumn("What the answers did");
            foreach (var change in comparison.VerdictChanges)
            {
                table.AddRow(new Text(change.Id), new Text(change.Old.Label()), new Text(change.New.Label()),
                    new Markup(Coloured(change.Move, ComparisonText.Move(change))), new Text(ComparisonText.Lines(change.Observations)));
            }

            console.Write(table);
        }

        foreach (var expired in comparison.ExpiredDeviations)
        {
            console.Line(ComparisonText.Expired(expired));
        }

        if (comparison.Added.Count + comparison.Gone.Count > 0)
        {
            var table = new Table().Title("Catalogue").AddColumn("Behaviour").AddColumn("").AddColumn("Verdict");
            comparison.Added.ToList().ForEach(a => table.AddRow(new Text(a.Id), new Text("added"), new Text(a.Verdict.Label())));
            comparison.Gone.ToList().ForEach(g => table.AddRow(new Text(g.Id), new Text("gone"), new Text(g.Verdict.Label())));
            console.Write(table);
        }

        if (comparison.ObservationChanges.Count > 0)
        {
            var table = new Table().Title("Answers that changed, verdict unchanged").AddColumn("Behaviour").AddColumn("Request").AddColumn("Change");
            foreach (var drift in comparison.ObservationChanges)
            {
                drift.Changes.ToList().ForEach(c => table.AddRow(new Text(drift.Id), new Text(c.Request), new Text(c.Change)));
            }

            console.Write(table);
        }

        console.Verdict(!comparison.Regressed && !comparison.NothingShared, comparison.Outcome);
    }

    private static string Coloured(VerdictMove move, string text) => move switch
    {
        VerdictMove.Regressed => $"[red]{Markup.Escape(text)}[/]",
        VerdictMove.Improved => $"[green]{Markup.Escape(text)}[/]",
        _ => $"[grey]{Markup.Escape(text)}[/]",
    };
}
