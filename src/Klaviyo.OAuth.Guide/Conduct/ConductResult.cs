using Klaviyo.OAuth.Guide;
namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>One rule's verdict on one app's traffic.</summary>
/// <param name="Rule">The rule, from <see cref="ClientRuleCatalogue"/>.</param>
/// <param name="Verdict">What the rule concluded.</param>
/// <param name="Exercised">How many requests the rule looked at (0 when not verified).</param>
/// <param name="Evidence">The requests that break the rule (empty unless broken).</param>
/// <param name="Situation">The situation that exercises the rule and how to create it with the emulator; said for every rule, so a report can list what to try next.</param>
public sealed record ConductResult(
    ClientRule Rule,
    Verdict Verdict,
    int Exercised,
    IReadOnlyList<ConductEvidence> Evidence,
    string Situation)
{
    /// <summary>Fails a CI run: a documented rule the app breaks.</summary>
    public bool FailsBuild => Verdict == Verdict.NotSatisfied;
}
