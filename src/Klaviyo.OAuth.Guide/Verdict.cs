using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide;

/// <summary>
/// What is concluded about one item of the catalogue: a behaviour of a target (a conformance run) or
/// a client-conduct rule of an app (<c>grade</c>). One vocabulary for both; a client rule's verdict
/// is one of <see cref="VerdictExtensions.OfClientRules"/>.
/// </summary>
public enum Verdict
{
    /// <summary>Every scenario of the behaviour passed; the app's traffic exercised the rule and kept it.</summary>
    Satisfied,

    /// <summary>A scenario of a documented or baseline behaviour failed (non-conformance); a documented client rule was broken.</summary>
    NotSatisfied,

    /// <summary>A scenario of an @rfc-* behaviour failed, or an RFC client rule was broken: visible, fails a build only when advisory rows are strict.</summary>
    AdvisoryNotMet,

    /// <summary>Nothing failed but a scenario was skipped (e.g. the target lacks a capability), or nothing in the traffic exercised the rule; the reason is carried.</summary>
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
    /// <summary>The verdicts a client-conduct rule can reach on its own, in report order.</summary>
    public static IReadOnlyList<Verdict> OfClientRules { get; } = [Verdict.Satisfied, Verdict.NotSatisfied, Verdict.AdvisoryNotMet, Verdict.NotVerified];

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
