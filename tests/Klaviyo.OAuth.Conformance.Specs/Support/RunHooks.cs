using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Redaction;
using Klaviyo.OAuth.Conformance.Specs.Targets;
using Klaviyo.OAuth.Conformance.Targets;
using NUnit.Framework;
using Reqnroll;
using Reqnroll.BoDi;

namespace Klaviyo.OAuth.Conformance.Specs.Support;

/// <summary>
/// Reads the Conformance settings (conformance.json at the repository root, then Conformance__*
/// environment variables), refuses a misconfiguration with one message before any scenario runs,
/// starts the target once for the run, makes sure each of its hosts answers before any scenario
/// runs (an unreachable target verifies nothing, said once), and stops it at the end.
/// </summary>
[Binding]
public sealed class RunHooks
{
    private static ConformanceRun? _run;

    [BeforeTestRun(Order = 0)]
    public static async Task StartTargetAsync(IObjectContainer container)
    {
        ConformanceSettings settings;
        IConformanceTarget target;
        try
        {
            settings = ConformanceSettings.Load(RepositoryLayout.Root);
            SettingsValidation.ThrowIfInvalid(settings);
            target = settings.IsRemote ? TargetFactory.CreateRemote(settings) : EmbeddedTarget.Start();
        }
        catch (ConformanceConfigurationException)
        {
            // ConfigurationPrecondition has already made the run one failing test that says what to fix.
            return;
        }

        var http = new TargetHttpClient(settings.Timeout, settings.MaxBodyBytes);
        // Only configured hosts need the check: the embedded emulator is started here, in this process,
        // and its first answer on a loaded machine may be slower than the timeout meant for remote hosts.
        var unreachable = settings.IsRemote ? await TargetPreflight.FindUnreachableAsync(target, http) : null;
        _run = new ConformanceRun(target, http, SecretRedactor.Shared) { Unreachable = unreachable is null ? null : SecretRedactor.Shared.Redact(unreachable) };
        container.RegisterInstanceAs(_run);
        TestContext.Progress.WriteLine($"Target: {target.Describe()}");
        ConformanceReports.Arrange(target, settings.StrictAdvisory, _run.Unreachable);
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
