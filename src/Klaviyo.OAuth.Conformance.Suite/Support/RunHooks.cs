using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Targets;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Redaction;
using Reqnroll;
using Reqnroll.BoDi;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// Starts the target once for the run, from the settings <see cref="SuiteSettings"/> loaded and
/// validated once, with the run's one redactor; stops it at the end. A misconfiguration has already
/// been reported by the host (one failing test, or the tool's message) before any scenario runs.
/// </summary>
[Binding]
public sealed class RunHooks
{
    private static ConformanceRun? _run;

    [BeforeTestRun(Order = 0)]
    public static void StartTarget(IObjectContainer container)
    {
        if (SuiteSettings.Current is not { } settings)
        {
            return;
        }

        var redactor = new SecretRedactor();
        var target = settings.IsRemote ? TargetFactory.CreateRemote(settings, redactor) : EmbeddedTarget.Start();
        _run = new ConformanceRun(target, new TargetHttpClient(settings.Timeout), redactor);
        container.RegisterInstanceAs(_run);
        RunnerSettings.Progress.WriteLine($"Target: {target.Describe()}");
        ConformanceReports.Arrange(target, settings.StrictAdvisory, redactor);
    }

    [AfterTestRun(Order = 1000)]
    public static async Task StopTargetAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
            _run = null;
        }
    }
}
