using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// One scenario (a Cucumber pickle: an example row is its own scenario) as the run left it.
/// Reason, FailedStep and Evidence are already redacted; Evidence is truncated.
/// </summary>
/// <param name="Reason">For a skipped scenario: the first message of a skipped or pending step, e.g. the missing capability.</param>
/// <param name="FailedStep">For a failed scenario: the text of the step (or "hook") that failed.</param>
/// <param name="Evidence">For a failed scenario: the failed step's message (expected vs actual, request and response).</param>
public sealed record ScenarioResult(
    string Name,
    string Uri,
    IReadOnlyList<string> Tags,
    ScenarioOutcome Outcome,
    TimeSpan Duration,
    string? Reason = null,
    string? FailedStep = null,
    string? Evidence = null)
{
    /// <summary>The reason of a pickle that never started: a filtered run lists the pickles it left out.</summary>
    public const string DidNotRunReason = "The scenario did not run.";

    /// <summary>
    /// What the target answered to each request of the scenario, in order, when the run recorded it
    /// (the suite attaches it to the Cucumber messages); null for messages without observations.
    /// </summary>
    public IReadOnlyList<Drift.Observation>? Observations { get; init; }

    /// <summary>Whether the run started this scenario (passed, failed, or skipped by a hook or step).</summary>
    public bool Ran => Reason != DidNotRunReason;

    /// <summary>The behaviour ids this scenario verifies: its dotted tags other than tip, finding and client-rule ids, without the @.</summary>
    public IEnumerable<string> BehaviourIds =>
        Tags.Where(t => Guide.Catalogue.BehaviourCatalogue.LooksLikeBehaviourId(t) && !IsDiagnosisTag(t) && !IsConductTag(t)).Select(t => t.TrimStart('@'));

    /// <summary>The troubleshooting tips this scenario shows diagnosed (tags <c>@tip.…</c>).</summary>
    public IEnumerable<string> TipIds => Tags.Select(t => t.TrimStart('@')).Where(t => t.StartsWith(TipPrefix, StringComparison.Ordinal));

    /// <summary>A diagnosis scenario: it shows a tip or a finding, and verifies no behaviour of a target.</summary>
    public bool IsDiagnosis => Tags.Any(IsDiagnosisTag);

    /// <summary>The client-conduct rules this scenario grades traffic by (tags <c>@client.…</c>).</summary>
    public IEnumerable<string> ConductRuleIds => Tags.Where(IsConductTag).Select(t => t.TrimStart('@'));

    /// <summary>A client-conduct scenario: it grades an app's traffic by a rule, and verifies no behaviour of a target.</summary>
    public bool IsConduct => Tags.Any(IsConductTag);

    private const string TipPrefix = "tip.";

    private const string ConductPrefix = "client.";

    private static bool IsConductTag(string tag) => tag.TrimStart('@').StartsWith(ConductPrefix, StringComparison.Ordinal);

    private static bool IsDiagnosisTag(string tag)
    {
        var id = tag.TrimStart('@');
        return id.StartsWith(TipPrefix, StringComparison.Ordinal) || id.StartsWith("finding-", StringComparison.Ordinal);
    }
}
