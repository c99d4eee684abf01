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
/// Starts the target once for the run, from the run's validated <see cref="SuiteSettings"/>, with
/// the run's one redactor; makes sure each configured host answers before any scenario runs (an
/// unreachable target verifies nothing, said once); stops it at the end. The run's
/// <see cref="ConformanceRun"/> lives in Reqnroll's global container, where drivers receive it. A
/// misconfiguration has already been reported by the host (one failing test, or the tool's message)
/// before any scenario runs.
/// </summary>
[Binding]
public sealed class RunHooks
{
    [BeforeTestRun(Order = 0)]
    public static async Task StartTargetAsync(IObjectContainer container, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(context);
        var suiteSettings = SuiteSettings.For(context);
        if (suiteSettings.Current is not { } settings)
        {
            return;
        }

        var redactor = new SecretRedactor();
        var signIn = settings.SignIn && suiteSettings.SignInConsole is { } console ? new AssistedSignIn(console, redactor) : null;
        var target = settings.IsRemote ? TargetFactory.CreateRemote(settings, redactor, signIn: signIn) : EmbeddedTarget.Start();
        var http = TargetHttpClient.For(settings);
        // Only configured hosts need the check: the embedded emulator is started here, in this process,
        // and its first answer on a loaded machine may be slower than the timeout meant for remote hosts.
        var unreachable = settings.IsRemote ? await TargetPreflight.FindUnreachableAsync(target, http) : null;
        var run = new ConformanceRun(target, http, redactor)
        {
            Unreachable = unreachable is null ? null : redactor.Redact(unreachable),
            AllowDestructive = settings.AllowDestructive,
            SignIn = signIn,
        };
        container.RegisterInstanceAs(run);
        if (signIn is not null)
        {
            // Counted from what this target can run: a scenario skipped for another power asks for nothing.
            signIn.ApprovalsPlanned = ApprovalPlan.Count(context.Selected
                .Where(scenario => CapabilityTags.NeededOf(target, scenario.AllTags).All(capability => target.WhyLacking(capability) is null))
                .Select(scenario => scenario.AllTags));
        }

        foreach (var line in SettingsDescription.Lines(settings))
        {
            context.Progress.Note(line);
        }

        context.Progress.Note($"Target: {target.Describe()}");
        ConformanceReports.Arrange(context, suiteSettings, run, settings.KnownDeviations());
    }

    /// <summary>Ends the sign-in's part of the run: every token set it obtained is revoked, and the reports say so.</summary>
    [AfterTestRun(Order = 900)]
    public static async Task RevokeTheThrowawayTokensAsync(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!container.IsRegistered<ConformanceRun>()
            || container.Resolve<ConformanceRun>() is not { Target: ConfiguredRemoteTarget { SignIn: { } signIn } target } run)
        {
            return;
        }

        var issued = signIn.Throwaway.IssuedCount;
        var revoked = issued == 0 ? 0 : await signIn.Throwaway.RevokeAllAsync(run.Http, target.ApiBaseUrl, await target.ProvideAppAsync());
        run.SignInOutcome = $"{signIn.Approvals} approvals; {issued} throwaway token sets obtained, {revoked} revoked at the end of the run"
            + (revoked < issued ? $" ({issued - revoked} refused revocation: revoke them in the test account by removing the app)" : string.Empty)
            + (signIn.Throwaway.SameAccountAsConfigured == true ? "; the sign-in was to the configured tokens' account, so destructive checks were held back" : string.Empty) + ".";
    }

    [AfterTestRun(Order = 1000)]
    public static async Task StopTargetAsync(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.IsRegistered<ConformanceRun>())
        {
            await container.Resolve<ConformanceRun>().DisposeAsync();
        }
    }
}
