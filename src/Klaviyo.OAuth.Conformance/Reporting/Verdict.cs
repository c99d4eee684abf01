using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>What the run says about one behaviour of the catalogue.</summary>
public enum Verdict
{
    /// <summary>Every scenario of the behaviour passed.</summary>
    Satisfied,

    /// <summary>A scenario of a documented or baseline behaviour failed: non-conformance.</summary>
    NotSatisfied,

    /// <summary>A scenario of an @rfc-* behaviour failed: visible, fails a build only when advisory rows are strict.</summary>
    AdvisoryNotMet,

    /// <summary>Nothing failed but a scenario was skipped, e.g. the target lacks a capability; the reason is carried.</summary>
    NotVerified,

    /// <summary>No scenario carries the behaviour's tag: a defect of the suite.</summary>
    NoScenario,

    /// <summary>Not met, but listed in the known-deviations file with a reason: reported, and does not fail the build.</summary>
    KnownDeviation,

    /// <summary>Listed as a known deviation, yet satisfied: the entry can go (a warning, or a failure under strict deviations).</summary>
    DeviationResolved,
}

public static class VerdictExtensions
{
    /// <summary>The stable machine name used in conformance.json and HTML ids: satisfied, not-satisfied, advisory-not-met, not-verified, no-scenario, known-deviation, deviation-resolved.</summary>
    public static string Key(this Verdict verdict) => MachineName.Of(verdict);

    /// <summary>The verdict for people: "not satisfied".</summary>
    public static string Label(this Verdict verdict) => verdict.Key().Replace('-', ' ');

    /// <summary>
    /// A plain-text mark for pages that must read well without an emoji font (headless browsers,
    /// minimal desktops): characters every common sans-serif font has.
    /// </summary>
    public static string TextMark(this Verdict verdict) => verdict switch
    {
        Verdict.Satisfied => "✓",
        Verdict.NotSatisfied => "✗",
        Verdict.AdvisoryNotMet => "⚠",
        Verdict.NotVerified => "○",
        Verdict.NoScenario => "∅",
        Verdict.KnownDeviation => "≈",
        Verdict.DeviationResolved => "↻",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>The mark beside the verdict in Markdown.</summary>
    public static string Mark(this Verdict verdict) => verdict switch
    {
        Verdict.Satisfied => "✅",
        Verdict.NotSatisfied => "❌",
        Verdict.AdvisoryNotMet => "⚠️",
        Verdict.NotVerified => "⏭️",
        Verdict.NoScenario => "🚫",
        Verdict.KnownDeviation => "📌",
        Verdict.DeviationResolved => "🔁",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
