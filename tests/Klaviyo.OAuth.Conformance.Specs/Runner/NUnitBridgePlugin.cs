using Klaviyo.OAuth.Conformance.Specs.Runner;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(NUnitBridgePlugin))]

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>
/// The runtime half of Reqnroll.NUnit, which is not available here: tells Reqnroll how to report
/// outcomes to NUnit and where to write its trace.
/// </summary>
public sealed class NUnitBridgePlugin : IRuntimePlugin
{
    private const string ProviderName = "nunit-runtime-bridge";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<NUnitTraceListener, ITraceListener>();
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
