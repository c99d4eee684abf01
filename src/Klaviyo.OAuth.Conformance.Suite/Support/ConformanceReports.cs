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

    /// <summary>Makes advisory tags warn-only (unless StrictAdvisory) and writes the reports once the run has ended.</summary>
    public static void Arrange(RunContext context, SuiteSettings suiteSettings, ConformanceRun run, KnownDeviations deviations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(suiteSettings);
        ArgumentNullException.ThrowIfNull(run);
        var strictAdvisory = suiteSettings.Current?.StrictAdvisory == true;
        context.WarnOnlyTags = strictAdvisory
            ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(AdvisoryTags, StringComparer.OrdinalIgnoreCase);
        // A listed behaviour's failing scenario is a warning, in dotnet test as in the tool; the matrix,
        // written once the run has ended, decides the run (an expired entry is not listed here).
        context.ExpectedFailureTags = deviations.Entries
            .Where(entry => !entry.ExpiredOn(deviations.Today))
            .ToDictionary(entry => entry.Id, entry => entry.Describe(expired: false), StringComparer.Ordinal);
        var target = run.Target;
        var description = new RunDescription(
            target.Kind.ToString().ToLowerInvariant(),
            target.ApiBaseUrl.ToString(),
            target.WebBaseUrl.ToString(),
            SuiteVersion: typeof(ConformanceReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
            Unreachable: run.Unreachable);
        var summary = context.Find<IRunSummary>() ?? new TextRunSummary(context.Progress);
        context.OnRunCompleted(folder => Task.FromResult(
            Write(context, folder, description with { SignIn = run.SignInOutcome }, strictAdvisory, run.Redactor, deviations, summary, suiteSettings.Current?.Provenance)));
    }

    private static string? Write(RunContext context, string folder, RunDescription run, bool strictAdvisory, SecretRedactor redactor, KnownDeviations deviations, IRunSummary summary, SettingsProvenance? names)
    {
        var messages = Path.Combine(folder, "cucumber.ndjson");
        if (!File.Exists(messages))
        {
            context.Progress.Note($"No Cucumber messages at {messages}: the conformance reports were not written.");
            return null;
        }

        run.WriteSidecar(folder);
        var matrix = ConformanceReport.Build(messages, run, new ReportOptions { CoveredBehaviourIds = CoveredBehaviourIds(context), Redactor = redactor, Deviations = deviations });
        var files = ConformanceReport.WriteAll(matrix, folder).Prepend(Path.Combine(folder, "living-doc.html")).Append(messages).ToList();
        summary.Summarise(new WrittenReports(matrix, files, strictAdvisory, names));

        // The summary was printed just above; the failure repeats only its verdict, not the whole summary.
        return matrix.FailsBuild(strictAdvisory) ? ConsoleSummary.Outcome(matrix, strictAdvisory, names) : null;
    }

    /// <summary>Ids that some feature file covers, whether or not this (possibly filtered) run executed them.</summary>
    private static HashSet<string> CoveredBehaviourIds(RunContext context) =>
        context.Features
            .SelectMany(feature => feature.Scenarios)
            .SelectMany(scenario => scenario.AllTags)
            .Where(tag => BehaviourCatalogue.Find(tag) is not null)
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The end of a run: its matrix, the report files written, whether advisory rows were strict, and how the user named the settings.</summary>
public sealed record WrittenReports(ConformanceMatrix Matrix, IReadOnlyList<string> Files, bool StrictAdvisory, SettingsProvenance? Names);

/// <summary>
/// How a host shows the end of a run once the reports are written. A command-line host provides one
/// in the run's <see cref="RunContext"/> to draw its own summary and take its exit code from the
/// matrix; otherwise the plain-text summary is a note of the run's progress.
/// </summary>
public interface IRunSummary
{
    void Summarise(WrittenReports reports);
}

/// <summary>The plain-text summary, as a note of the run's progress.</summary>
public sealed class TextRunSummary(IRunProgress progress) : IRunSummary
{
    public void Summarise(WrittenReports reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        progress.Note(ConsoleSummary.Render(reports.Matrix, reports.Files, reports.StrictAdvisory, reports.Names));
    }
}
