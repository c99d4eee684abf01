using Klaviyo.OAuth.Conformance.Runner;
using Reqnroll.Plugins;

// The tool is the runner's host here: Reqnroll reads its plugins from the assembly the runner passes as the test assembly.
[assembly: RuntimePlugin(typeof(RunnerPlugin))]
