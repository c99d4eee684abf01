using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// One row of the reports' "Client conduct rules" part: a rule an app is graded by, and the
/// scenarios (features/client-conduct) that show traffic keeping and breaking it. They test the
/// rule engine, not the target, so the verdict never decides whether a target conforms.
/// </summary>
public sealed record ConductRuleRow(ClientRule Rule, Verdict Verdict, IReadOnlyList<ScenarioResult> Scenarios) : EnginePartRow(Verdict, Scenarios)
{
    public override string Id => Rule.Id;

    public override string Section => Rule.Level.Key();

    public override string Words => Rule.Rule;

    public static ConductRuleRow For(ClientRule rule, IReadOnlyList<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new ConductRuleRow(rule, VerdictOf(scenarios), scenarios);
    }
}
