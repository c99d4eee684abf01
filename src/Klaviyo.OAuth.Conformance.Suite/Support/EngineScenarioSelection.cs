using Klaviyo.OAuth.Conformance.Runner;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// Scenarios tagged <c>@engine</c> (the diagnosis's and the client-conduct rules') test the suite's
/// own engines and send nothing to the target: a run against a remote target leaves them out, so
/// that its reports speak only of the target. They run against the embedded emulator.
/// A host names it with <c>[assembly: ScenarioSelection(typeof(EngineScenarioSelection))]</c>.
/// </summary>
public sealed class EngineScenarioSelection : IScenarioSelection
{
    public const string EngineTag = "engine";

    private static readonly TagFilter WithoutEngines = TagFilter.Parse($"Category!={EngineTag}");

    public TagFilter Selection(RunContext? context) => SuiteSettings.For(context).Current?.IsRemote == true ? WithoutEngines : TagFilter.All;
}
