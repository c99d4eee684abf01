using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Tips;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// One row of the reports' "Troubleshooting tips" part: a tip of the guide and the scenarios that
/// show requests diagnosed with it. A tip's scenarios test the diagnosis engine, not the target,
/// so its verdict never decides whether a target conforms.
/// </summary>
public sealed record TipRow(Tip Tip, Verdict Verdict, IReadOnlyList<ScenarioResult> Scenarios) : EnginePartRow(Verdict, Scenarios)
{
    public override string Id => Tip.Id;

    public override string Section => Tip.Section;

    public override string Words => Tip.Words;

    public static TipRow For(Tip tip, IReadOnlyList<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new TipRow(tip, VerdictOf(scenarios), scenarios);
    }
}
