using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Reqnroll.Plugins;

// The tool is the runner's host here: Reqnroll reads its plugins from the assembly the runner passes as the test assembly.
[assembly: RuntimePlugin(typeof(RunnerPlugin))]
[assembly: ScenarioSelection(typeof(EngineScenarioSelection))]
[assembly: ScenarioSharing(typeof(ConfiguredTokenSharing))]
