using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Support;
using NUnit.Framework;
using Reqnroll.Plugins;

[assembly: RuntimePlugin(typeof(RunnerPlugin))]
[assembly: RunPrecondition(typeof(ConfigurationPrecondition))]
[assembly: ScenarioSelection(typeof(EngineScenarioSelection))]

// Scenarios are independent (each provisions its own client, user and tokens), so they run in parallel.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(8)]
