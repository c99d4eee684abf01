using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.SignIn;
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
    private static AssistedSignIn? _signIn;
    private static string? _signInOutcome;

    [BeforeTestRun(Order = 0)]
    public static async Task StartTargetAsync(IObjectContainer container)
    {
        if (SuiteSettings.Current is not { } settings)
        {
            return;
        }

        var redactor = new SecretRedactor();
        _signIn = settings.SignIn && SuiteSettings.SignInConsole is { } console ? new AssistedSignIn(console, redactor) : null;
        var target = settings.IsRemote ? TargetFactory.CreateRemote(settings, redactor, signIn: _signIn) : EmbeddedTarget.Start();
        var http = new TargetHttpClient(settings.Timeout, settings.MaxBodyBytes);
        // Only configured hosts need the check: the embedded emulator is started here, in this process,
        // and its first answer on a loaded machine may be slower than the timeout meant for remote hosts.
        var unreachable = settings.IsRemote ? await TargetPreflight.FindUnreachableAsync(target, http) : null;
        _run = new ConformanceRun(target, http, redactor) { Unreachable = unreachable is null ? null : redactor.Redact(unreachable), AllowDestructive = settings.AllowDestructive };
        container.RegisterInstanceAs(_run);
        foreach (var line in SettingsDescription.Lines(settings))
        {
            RunnerSettings.Progress.Note(line);
        }

        RunnerSettings.Progress.Note($"Target: {target.Describe()}");
        ConformanceReports.Arrange(target, settings.StrictAdvisory, _run.Unreachable, redactor, settings.KnownDeviations(), () => _signInOutcome);
    }

    /// <summary>Ends the sign-in's part of the run: every token set it obtained is revoked, and the reports say so.</summary>
    [AfterTestRun(Order = 900)]
    public static async Task RevokeTheThrowawayTokensAsync()
    {
        if (_run?.Target is not ConfiguredRemoteTarget { SignIn: { } signIn } target)
        {
            _signInOutcome = null;
            return;
        }

        var issued = signIn.Throwaway.IssuedCount;
        var revoked = issued == 0 ? 0 : await signIn.Throwaway.RevokeAllAsync(_run.Http, target.ApiBaseUrl, await target.ProvideAppAsync());
        _signInOutcome = $"{signIn.Approvals} approvals; {issued} throwaway token sets obtained, {revoked} revoked at the end of the run"
            + (revoked < issued ? $" ({issued - revoked} refused revocation: revoke them in the test account by removing the app)" : string.Empty)
            + (signIn.Throwaway.SameAccountAsConfigured == true ? "; the sign-in was to the configured tokens' account, so destructive checks were held back" : string.Empty) + ".";
    }

    [AfterTestRun(Order = 1000)]
    public static async Task StopTargetAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
            _run = null;
            _signIn?.Dispose();
            _signIn = null;
        }
    }
}
