using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Conformance.Specs.Targets;
using Klaviyo.OAuth.Conformance.Targets;
using NUnit.Framework;
using Reqnroll;
using Reqnroll.BoDi;

namespace Klaviyo.OAuth.Conformance.Specs.Support;

/// <summary>
/// Reads the Conformance settings (conformance.json at the repository root, then Conformance__*
/// environment variables), refuses a misconfiguration with one message before any scenario runs,
/// starts the target once for the run and stops it at the end.
/// </summary>
[Binding]
public sealed class RunHooks
{
    private static ConformanceRun? _run;

    [BeforeTestRun(Order = 0)]
    public static void StartTarget(IObjectContainer container)
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

        _run = new ConformanceRun(target, new TargetHttpClient(settings.Timeout), SecretRedactor.Shared);
        container.RegisterInstanceAs(_run);
        TestContext.Progress.WriteLine($"Target: {target.Describe()}");
        ConformanceReports.Arrange(target, settings.StrictAdvisory);
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
