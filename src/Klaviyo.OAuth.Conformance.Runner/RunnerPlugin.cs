using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Tells Reqnroll how this runner reports outcomes and where it keeps the step trace. Every host's
/// assembly (the one passed to the runner as the test assembly) names it with
/// <c>[assembly: RuntimePlugin(typeof(RunnerPlugin))]</c>.
/// </summary>
public sealed class RunnerPlugin : IRuntimePlugin
{
    private const string ProviderName = "conformance-runner";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<RunnerRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<ScenarioTraceListener, ITraceListener>();
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
