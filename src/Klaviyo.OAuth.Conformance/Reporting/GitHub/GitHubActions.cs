using Klaviyo.OAuth.Guide;
using System.Text;
using System.Text.RegularExpressions;
using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting.GitHub;

/// <summary>
/// CI-native output when a command runs in a GitHub Actions step (<c>GITHUB_ACTIONS=true</c>): an
/// <c>::error</c> per failed required behaviour or rule, titled with its id and placed on its
/// scenario's line when the feature file is in the workspace; a <c>::warning</c> per advisory one;
/// and the markdown matrix appended to <c>GITHUB_STEP_SUMMARY</c>. Anywhere else it writes nothing.
/// </summary>
public sealed partial class GitHubActions
{
    private readonly Func<string, string?> _environment;

    public GitHubActions(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    /// <summary>The process's own environment.</summary>
    public static GitHubActions FromEnvironment() => new(Environment.GetEnvironmentVariable);

    public bool IsActive => string.Equals(_environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The clone the job checked out; the working directory when the runner does not say.</summary>
    private string Workspace => _environment("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? workspace : Directory.GetCurrentDirectory();

    /// <summary>Annotations and the job summary of a conformance run.</summary>
    public void Publish(ConformanceMatrix matrix, TextWriter output, bool strictAdvisory = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(output);
        if (!IsActive)
        {
            return;
        }

        Write(output, Annotations(matrix, strictAdvisory));
        AppendSummary(ConformanceMarkdownWriter.Render(matrix));
    }

    /// <summary>Annotations and the job summary of an app's grade.</summary>
    public void Publish(ClientConductReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (!IsActive)
        {
            return;
        }

        var annotations = report.Results
            .Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet && !report.IsKnownDeviation(r))
            .Select(r => new Annotation(
                r.Verdict == Verdict.NotSatisfied ? AnnotationLevel.Error : AnnotationLevel.Warning,
                r.Rule.Id,
                $"{r.Rule.Rule} {ClientConductReport.Explanation(r)}"));
        Write(output, annotations);
        AppendSummary(ConductMarkdownWriter.Render(report));
    }

    /// <summary>The annotations of a run, before the per-level limit: required failures are errors, advisory ones warnings.</summary>
    public IEnumerable<Annotation> Annotations(ConformanceMatrix matrix, bool strictAdvisory = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Unreachable)
        {
            yield return new Annotation(AnnotationLevel.Error, "target unreachable", ReportText.Outcome(matrix, strictAdvisory));
            yield break;
        }

        foreach (var row in matrix.Rows.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet or Verdict.NoScenario or Verdict.DeviationResolved))
        {
            var failsBuild = row.FailsBuild(strictAdvisory, matrix.Deviations.Strict);
            var level = failsBuild ? AnnotationLevel.Error : AnnotationLevel.Warning;
            var message = $"{row.Verdict.Label()}: {ReportText.Explanation(row)}";
            var scenario = row.Failures.FirstOrDefault() ?? (row.Scenarios.Count > 0 ? row.Scenarios[0] : null);
            var (file, line) = scenario is null ? (null, null) : Locate(scenario);
            yield return new Annotation(level, row.Id, message, file, line);
        }

        if (matrix.NothingVerified)
        {
            yield return new Annotation(AnnotationLevel.Error, "nothing verified", ReportText.Outcome(matrix, strictAdvisory));
        }
    }

    private static void Write(TextWriter output, IEnumerable<Annotation> annotations)
    {
        foreach (var annotation in WorkflowCommands.Limit(annotations))
        {
            output.WriteLine(WorkflowCommands.Format(annotation));
        }
    }

    private void AppendSummary(string markdown)
    {
        if (_environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, markdown + Environment.NewLine, new UTF8Encoding(false));
        }
    }

    /// <summary>The scenario's feature file (relative to the workspace) and the line of its Scenario keyword, when the file is in the workspace.</summary>
    private (string? File, int? Line) Locate(ScenarioResult scenario)
    {
        if (string.IsNullOrEmpty(scenario.Uri) || Path.IsPathRooted(scenario.Uri))
        {
            return (null, null);
        }

        var path = Path.Combine(Workspace, scenario.Uri);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ScenarioLine().Match(lines[i]);
            if (match.Success && Matches(match.Groups["name"].Value.Trim(), scenario.Name))
            {
                return (scenario.Uri.Replace('\\', '/'), i + 1);
            }
        }

        return (scenario.Uri.Replace('\\', '/'), null);
    }

    // An outline's pickles carry its name with the row's values in place of <placeholders>.
    private static bool Matches(string written, string pickle) =>
        written == pickle || (written.Contains('<', StringComparison.Ordinal)
            && Regex.IsMatch(pickle, "^" + Placeholder().Replace(Regex.Escape(written), ".*") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));

    [GeneratedRegex(@"^\s*(Scenario|Scenario Outline|Scenario Template|Example)\s*:\s*(?<name>.*)$")]
    private static partial Regex ScenarioLine();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Placeholder();
}
