using System.Reflection;
using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.GitHub;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// After Reqnroll has written the living documentation and the Cucumber messages, builds the
/// conformance matrix from those messages, writes it (json, md, html, JUnit), prints a summary,
/// and fails the run only when a documented or baseline behaviour is not satisfied (advisory
/// ones too when StrictAdvisory is set).
/// </summary>
public static class ConformanceReports
{
    private static readonly string[] AdvisoryTags = ["rfc-must", "rfc-should"];

    /// <summary>
    /// How the host shows the end of a run once the reports are written; by default the plain-text
    /// summary as a note of <see cref="RunnerSettings.Progress"/>. A command-line host replaces it
    /// to draw its own summary and to take its exit code from the matrix.
    /// </summary>
    public static Action<WrittenReports> Summarise { get; set; } = ShowAsText;

    /// <summary>The plain-text summary, as a note of the run's progress.</summary>
    public static void ShowAsText(WrittenReports reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        RunnerSettings.Progress.Note(ConsoleSummary.Render(reports.Matrix, reports.Files, reports.StrictAdvisory, reports.Names));
    }

    /// <param name="signIn">Read once the run has ended: what the assisted sign-in did (approvals, throwaway tokens revoked), or null.</param>
    public static void Arrange(IConformanceTarget target, bool strictAdvisory, string? unreachable, SecretRedactor redactor, KnownDeviations deviations, Func<string?>? signIn = null)
    {
        RunnerSettings.WarnOnlyTags = strictAdvisory
            ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(AdvisoryTags, StringComparer.OrdinalIgnoreCase);
        var run = new RunDescription(
            target.Kind.ToString().ToLowerInvariant(),
            target.ApiBaseUrl.ToString(),
            target.WebBaseUrl.ToString(),
            SuiteVersion: typeof(ConformanceReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
            Unreachable: unreachable);
        RunnerSettings.OnRunCompleted(folder => Task.FromResult(Write(folder, run with { SignIn = signIn?.Invoke() }, strictAdvisory, redactor, deviations)));
    }

    private static string? Write(string folder, RunDescription run, bool strictAdvisory, SecretRedactor redactor, KnownDeviations deviations)
    {
        var messages = Path.Combine(folder, "cucumber.ndjson");
        if (!File.Exists(messages))
        {
            RunnerSettings.Progress.Note($"No Cucumber messages at {messages}: the conformance reports were not written.");
            return null;
        }

        run.WriteSidecar(folder);
        var matrix = ConformanceReport.Build(messages, run, new ReportOptions { CoveredBehaviourIds = CoveredBehaviourIds(), Redactor = redactor, Deviations = deviations });
        var files = ConformanceReport.WriteAll(matrix, folder).Prepend(Path.Combine(folder, "living-doc.html")).Append(messages).ToList();
        var names = SuiteSettings.Current?.Provenance;
        Summarise(new WrittenReports(matrix, files, strictAdvisory, names));

        // The summary was printed just above; the failure repeats only its verdict, not the whole summary.
        return matrix.FailsBuild(strictAdvisory) ? ConsoleSummary.Outcome(matrix, strictAdvisory, names) : null;
    }

    /// <summary>Ids that some feature file covers, whether or not this (possibly filtered) run executed them.</summary>
    private static HashSet<string> CoveredBehaviourIds() =>
        RunnerSettings.Features
            .SelectMany(feature => feature.Scenarios)
            .SelectMany(scenario => scenario.AllTags)
            .Where(tag => BehaviourCatalogue.Find(tag) is not null)
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The end of a run: its matrix, the report files written, whether advisory rows were strict, and how the user named the settings.</summary>
public sealed record WrittenReports(ConformanceMatrix Matrix, IReadOnlyList<string> Files, bool StrictAdvisory, SettingsProvenance? Names);
