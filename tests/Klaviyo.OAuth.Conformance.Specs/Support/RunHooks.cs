using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Redaction;
using Klaviyo.OAuth.Conformance.Specs.Targets;
using Reqnroll;
using Reqnroll.BoDi;

namespace Klaviyo.OAuth.Conformance.Specs.Support;

/// <summary>Starts the target once for the run and stops it at the end.</summary>
[Binding]
public sealed class RunHooks
{
    private static ConformanceRun? _run;

    [BeforeTestRun(Order = 0)]
    public static void StartTarget(IObjectContainer container)
    {
        _run = new ConformanceRun(EmbeddedTarget.Start(), new TargetHttpClient(TimeSpan.FromSeconds(10)), SecretRedactor.Shared);
        container.RegisterInstanceAs(_run);
        ConformanceReports.Arrange(_run.Target, strictAdvisory: false);
    }

    [AfterTestRun(Order = 1000)]
    public static async Task StopTargetAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }
}
