using Klaviyo.OAuth.Conformance.Configuration;
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
/// validated once, with the run's one redactor; makes sure each configured host answers before any
/// scenario runs (an unreachable target verifies nothing, said once); stops it at the end. A
/// misconfiguration has already been reported by the host (one failing test, or the tool's message)
/// before any scenario runs.
/// </summary>
[Binding]
public sealed class RunHooks
{
    private static ConformanceRun? _run;

    [BeforeTestRun(Order = 0)]
    public static async Task StartTargetAsync(IObjectContainer container)
    {
        if (SuiteSettings.Current is not { } settings)
        {
            return;
        }

        var redactor = new SecretRedactor();
        var target = settings.IsRemote ? TargetFactory.CreateRemote(settings, redactor) : EmbeddedTarget.Start();
        var http = new TargetHttpClient(settings.Timeout, settings.MaxBodyBytes);
        // Only configured hosts need the check: the embedded emulator is started here, in this process,
        // and its first answer on a loaded machine may be slower than the timeout meant for remote hosts.
        var unreachable = settings.IsRemote ? await TargetPreflight.FindUnreachableAsync(target, http) : null;
        _run = new ConformanceRun(target, http, redactor) { Unreachable = unreachable is null ? null : redactor.Redact(unreachable) };
        container.RegisterInstanceAs(_run);
        foreach (var line in SettingsDescription.Lines(settings))
        {
            RunnerSettings.Progress.Note(line);
        }

        RunnerSettings.Progress.Note($"Target: {target.Describe()}");
        ConformanceReports.Arrange(target, settings.StrictAdvisory, _run.Unreachable, redactor, settings.KnownDeviations());
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
