using Klaviyo.OAuth.Guide;
using System.Text;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Reporting.Writers;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>The compact end-of-run text: counts per verdict, one line per behaviour not satisfied, where the reports are.</summary>
public static class ConsoleSummary
{
    /// <summary>The run's verdict in one line: PASSES, or FAILS and why.</summary>
    public static string Outcome(ConformanceMatrix matrix, bool strictAdvisory = false, SettingsProvenance? names = null) => ReportText.Outcome(matrix, strictAdvisory, names);

    /// <summary>"Conformance (embedded target, 164 scenarios)".</summary>
    public static string Heading(ConformanceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Run.MergedTargets.Count > 0
            ? $"Conformance (runs against {matrix.Run.MergedTargets.Count} different targets, {matrix.ScenarioCount} scenarios)"
            : $"Conformance ({matrix.Run.TargetKind} target, {matrix.ScenarioCount} scenarios)";
    }

    /// <summary>"33 satisfied, 0 not satisfied, …".</summary>
    public static string Counts(ConformanceMatrix matrix) => ReportText.Counts(matrix, ", ");

    /// <summary>
    /// The behaviours that are not satisfied, with why. An unreachable target leaves every row "not
    /// verified" for the same reason, which the outcome states once: then there are none.
    /// </summary>
    public static IReadOnlyList<(string Id, Verdict Verdict, string Explanation)> Shortfalls(ConformanceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Unreachable ? [] : [.. matrix.RowsNotSatisfied.Select(r => (r.Id, r.Verdict, ReportText.Explanation(r)))];
    }

    /// <summary>
    /// What else a person should know: suite defects, malformed lines, which settings would verify more
    /// (named as the user gives them, by <paramref name="names"/>).
    /// </summary>
    public static IReadOnlyList<string> Notes(ConformanceMatrix matrix, SettingsProvenance? names = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var notes = new List<string>();
        if (matrix.Run.SignIn is { } signIn)
        {
            notes.Add("Sign-in: " + signIn);
        }

        if (matrix.Run.MergedTargets.Count > 0)
        {
            notes.Add($"The merged runs tested different targets: {ReportText.MergedTargets(matrix.Run)}.");
        }
        var otherDefects = matrix.Defects.Count(d => d.Kind != SuiteDefectKind.NoScenario);
        if (otherDefects > 0)
        {
            notes.Add($"Suite defects: {otherDefects} scenarios with an unknown id or none (see the reports).");
        }

        if (matrix.MalformedLines > 0)
        {
            notes.Add($"Skipped {matrix.MalformedLines} malformed lines of the messages.");
        }

        if (!matrix.Unreachable && !matrix.NothingVerified && ReportText.SettingsHint(matrix, names) is { Length: > 0 } hint)
        {
            notes.Add(hint);
        }

        return notes;
    }

    /// <summary>"Reports: /path/ (conformance.json, …)"; empty without files.</summary>
    public static string ReportsLine(IReadOnlyList<string>? reportFiles) =>
        reportFiles is { Count: > 0 }
            ? $"Reports: {Path.GetDirectoryName(reportFiles[0])}{Path.DirectorySeparatorChar} ({string.Join(", ", reportFiles.Select(Path.GetFileName))})"
            : string.Empty;

    /// <summary>The whole summary as plain text, for a test host's console; <paramref name="names"/> names the settings a hint asks for as the user gives them (option, environment variable, file).</summary>
    public static string Render(ConformanceMatrix matrix, IReadOnlyList<string>? reportFiles = null, bool strictAdvisory = false, SettingsProvenance? names = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var text = new StringBuilder();
        text.Append(Heading(matrix)).Append(": ").AppendLine(Counts(matrix));
        var shortfalls = Shortfalls(matrix);
        if (shortfalls.Count > 0)
        {
            var width = shortfalls.Max(r => r.Id.Length);
            var verdictWidth = shortfalls.Max(r => r.Verdict.Label().Length);
            foreach (var (id, verdict, explanation) in shortfalls)
            {
                text.Append("  ").Append(id.PadRight(width)).Append("  ").Append(verdict.Label().PadRight(verdictWidth))
                    .Append("  ").AppendLine(explanation);
            }
        }

        foreach (var note in Notes(matrix, names))
        {
            text.AppendLine(note);
        }

        text.AppendLine(ReportText.Outcome(matrix, strictAdvisory, names));
        if (ReportsLine(reportFiles) is { Length: > 0 } reports)
        {
            text.AppendLine(reports);
        }

        return text.ToString();
    }
}
