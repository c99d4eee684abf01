using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting;

public enum SuiteDefectKind
{
    /// <summary>A catalogue behaviour that no scenario verifies.</summary>
    NoScenario,

    /// <summary>A scenario tagged with a dotted id the catalogue does not know (a typo, or a missing catalogue row).</summary>
    UnknownBehaviourId,

    /// <summary>A scenario that names no behaviour id at all.</summary>
    ScenarioWithoutBehaviour,
}

/// <summary>A defect of the suite itself, not of the target: the catalogue and the scenarios disagree.</summary>
public sealed record SuiteDefect(SuiteDefectKind Kind, string Message, string? BehaviourId = null, string? Scenario = null, string? Uri = null)
{
    /// <summary>The kind's name in reports: no-scenario, unknown-behaviour-id, scenario-without-behaviour.</summary>
    public string KindKey => MachineName.Of(Kind);
}
