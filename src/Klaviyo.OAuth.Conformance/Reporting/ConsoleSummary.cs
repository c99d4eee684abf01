using System.Text;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Reporting.Writers;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>The compact end-of-run text: counts per verdict, one line per behaviour not satisfied, where the reports are.</summary>
public static class ConsoleSummary
{
    /// <summary>The run's verdict in one line: PASSES, or FAILS and why.</summary>
    public static string Outcome(ConformanceMatrix matrix, bool strictAdvisory = false, SettingsProvenance? names = null) => ReportText.Outcome(matrix, strictAdvisory, names);

    /// <summary>The summary; <paramref name="names"/> names the settings a hint asks for as the user gives them (option, environment variable, file).</summary>
    public static string Render(ConformanceMatrix matrix, IReadOnlyList<string>? reportFiles = null, bool strictAdvisory = false, SettingsProvenance? names = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var text = new StringBuilder();
        text.Append("Conformance (").Append(matrix.Run.TargetKind).Append(" target, ").Append(matrix.ScenarioCount).Append(" scenarios): ")
            .AppendLine(ReportText.Counts(matrix, ", "));
        if (matrix.Run.SignIn is { } signIn)
        {
            text.Append("Sign-in: ").AppendLine(signIn);
        }

        // An unreachable target leaves every row "not verified" for the same reason, which the outcome states once.
        var notSatisfied = matrix.Unreachable ? [] : matrix.RowsNotSatisfied.ToList();
        if (notSatisfied.Count > 0)
        {
            var width = notSatisfied.Max(r => r.Id.Length);
            var verdictWidth = notSatisfied.Max(r => r.Verdict.Label().Length);
            foreach (var row in notSatisfied)
            {
                text.Append("  ").Append(row.Id.PadRight(width)).Append("  ").Append(row.Verdict.Label().PadRight(verdictWidth))
                    .Append("  ").AppendLine(ReportText.Explanation(row));
            }
        }

        var otherDefects = matrix.Defects.Count(d => d.Kind != SuiteDefectKind.NoScenario);
        if (otherDefects > 0)
        {
            text.Append("Suite defects: ").Append(otherDefects).AppendLine(" scenarios with an unknown id or none (see the reports).");
        }

        if (matrix.MalformedLines > 0)
        {
            text.Append("Skipped ").Append(matrix.MalformedLines).AppendLine(" malformed lines of the messages.");
        }

        if (!matrix.Unreachable && !matrix.NothingVerified && ReportText.SettingsHint(matrix, names) is { Length: > 0 } hint)
        {
            text.AppendLine(hint);
        }

        text.AppendLine(ReportText.Outcome(matrix, strictAdvisory, names));
        if (reportFiles is { Count: > 0 })
        {
            var directory = Path.GetDirectoryName(reportFiles[0]);
            text.Append("Reports: ").Append(directory).Append(Path.DirectorySeparatorChar).Append(" (")
                .AppendJoin(", ", reportFiles.Select(Path.GetFileName)).AppendLine(")");
        }

        return text.ToString();
    }
}
