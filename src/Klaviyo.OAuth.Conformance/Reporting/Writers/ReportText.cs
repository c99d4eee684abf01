using Klaviyo.OAuth.Guide;
using System.Globalization;
using Klaviyo.OAuth.Conformance.Configuration;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>Phrases the human-readable reports share, so Markdown, HTML and console say the same thing.</summary>
internal static class ReportText
{
    public const string Title = "Klaviyo OAuth conformance";

    /// <summary>The reports' part for the guide's troubleshooting tips, beside the behaviours.</summary>
    public const string TipsTitle = "Troubleshooting tips";

    /// <summary>The reports' part for the client-conduct rules an app is graded by, beside the tips.</summary>
    public const string ConductTitle = "Client conduct rules";

    /// <summary>"30 satisfied · 1 not satisfied · …".</summary>
    /// <remarks>The two deviation states are counted only in a run with a known-deviations file.</remarks>
    public static string Counts(ConformanceMatrix matrix, string separator = " · ") =>
        string.Join(separator, Enum.GetValues<Verdict>()
            .Where(v => matrix.Deviations.Entries.Count > 0 || v is not (Verdict.KnownDeviation or Verdict.DeviationResolved))
            .Select(v => $"{matrix.Counts[v]} {v.Label()}"));

    /// <summary>PASSES or FAILS and why; <paramref name="names"/> names the settings to set as the user gives them.</summary>
    public static string Outcome(ConformanceMatrix matrix, bool strictAdvisory = false, SettingsProvenance? names = null)
    {
        if (matrix.Unreachable)
        {
            return "FAILS: " + FirstLines(matrix.Run.Unreachable);
        }

        if (matrix.Interrupted)
        {
            return "FAILS: the run was interrupted before it finished, so what it did not reach is not verified. Run it again to the end.";
        }

        if (matrix.Rows.Any(r => r.FailsBuild(strictAdvisory)))
        {
            return "FAILS: a documented or baseline behaviour is not satisfied, or a behaviour has no scenario.";
        }

        if (matrix.Rows.Any(r => r.FailsBuild(strictAdvisory, matrix.Deviations.Strict)))
        {
            return "FAILS: a known deviation is resolved (strict deviations): remove it from the known-deviations file.";
        }

        if (matrix.NothingVerified)
        {
            return "FAILS: no documented behaviour was verified; every scenario that could have checked one was skipped."
                + (matrix.SettingsThatWouldVerifyMore.Count > 0 ? " " + SettingsHint(matrix, names) : string.Empty);
        }

        return "PASSES: every documented and baseline behaviour is satisfied or not verified.";
    }

    /// <summary>"Set Conformance:ClientId, … to verify more." from the skip reasons; empty when they name no setting.</summary>
    public static string SettingsHint(ConformanceMatrix matrix, SettingsProvenance? names = null)
    {
        var keys = matrix.SettingsThatWouldVerifyMore;
        if (keys.Count == 0)
        {
            return string.Empty;
        }

        var settings = names is null || names == SettingsProvenance.Unknown
            ? string.Join(", ", keys) + " (environment: Conformance__Key)"
            : string.Join(", ", keys.Select(k => names.Name(SettingKeys.Find(k["Conformance:".Length..])!)));
        return $"To verify the {matrix.Counts[Verdict.NotVerified]} behaviours not verified, set {settings}; each row's reason says which it needs.";
    }

    private static string FirstLines(string? text) =>
        string.Join(" ", (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The target and the run, one item per entry: never secrets (the description holds none).</summary>
    public static IEnumerable<(string Label, string Value)> RunFacts(RunDescription run)
    {
        yield return ("Target", run.TargetKind);
        if (run.MergedTargets.Count > 0)
        {
            yield return ("Targets (they differ)", MergedTargets(run));
        }
        if (run.ApiBaseUrl is not null)
        {
            yield return ("API host", run.ApiBaseUrl);
        }

        if (run.WebBaseUrl is not null)
        {
            yield return ("Web host", run.WebBaseUrl);
        }

        if (run.SignIn is not null)
        {
            yield return ("Sign-in", run.SignIn);
        }

        if (run.StartedAt is { } started)
        {
            yield return ("Started", Time(started));
        }

        if (run.FinishedAt is { } finished)
        {
            yield return ("Finished", Time(finished));
        }

        if (run.Duration is { } duration)
        {
            yield return ("Duration", Seconds(duration));
        }

        if (run.SuiteVersion is not null)
        {
            yield return ("Suite version", run.SuiteVersion);
        }

        if (run.Tool is not null)
        {
            yield return ("Runner", run.Tool);
        }
    }

    /// <summary>"embedded; remote (API …, web …)": each target of a merged report.</summary>
    public static string MergedTargets(RunDescription run) => string.Join("; ", run.MergedTargets.Select(t => t.Target));

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    /// <summary>What a row has to say beyond its verdict: the first failure's first line, or the first skip reason.</summary>
    public static string Explanation(BehaviourRow row) => row.Verdict switch
    {
        Verdict.NotSatisfied or Verdict.AdvisoryNotMet when row.DeviationExpired => $"{DeviationText(row)}; {FirstLine(row.Failures.First().Evidence)}",
        Verdict.NotSatisfied or Verdict.AdvisoryNotMet => FirstLine(row.Failures.First().Evidence),
        Verdict.NotVerified => FirstLine(row.Reasons[0]),
        Verdict.NoScenario => $"no scenario is tagged {row.Behaviour.Tag}",
        Verdict.KnownDeviation => DeviationText(row),
        Verdict.DeviationResolved => $"satisfied, though listed as a known deviation ({row.Deviation!.Reason}): remove it from the file",
        _ => string.Empty,
    };

    /// <summary>"known deviation: reason (until 2027-01-31)", or "known deviation expired on …" for an entry past its date.</summary>
    public static string DeviationText(BehaviourRow row) => row.Deviation?.Describe(row.DeviationExpired) ?? string.Empty;
}
