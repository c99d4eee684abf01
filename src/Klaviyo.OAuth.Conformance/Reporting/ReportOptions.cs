using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>How the matrix treats evidence.</summary>
public sealed record ReportOptions
{
    public const int DefaultMaxEvidenceLength = 4000;

    /// <summary>Evidence longer than this is cut and marked "… [truncated N chars]".</summary>
    public int MaxEvidenceLength { get; init; } = DefaultMaxEvidenceLength;

    /// <summary>Applied to evidence, skip reasons and step texts, although the suite already redacts them; by default patterns only.</summary>
    public SecretRedactor Redactor { get; init; } = new();

    /// <summary>
    /// Behaviour ids that the suite's feature files cover, when known. A covered id that a filtered
    /// run did not execute is then "not verified (not run)" instead of a missing scenario.
    /// </summary>
    public IReadOnlySet<string>? CoveredBehaviourIds { get; init; }

    /// <summary>Behaviours known to deviate (from <c>--deviations</c>): reported as their own state, and not failing the build.</summary>
    public Deviations.KnownDeviations Deviations { get; init; } = Conformance.Deviations.KnownDeviations.None;

    public static ReportOptions Default { get; } = new();
}
