using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The README's third recipe (a real app), played against the standalone emulator: an app and
/// tokens installed beforehand, as a person would once by hand, and a target configured without a
/// control API. What cannot run is skipped and says why; what is destructive waits for
/// AllowDestructive; nothing fails; and no recognisable secret reaches any output.
/// </summary>
[TestFixture]
public sealed partial class TargetWithoutAControlApi
{
    private static readonly (string Tag, string Names)[] CapabilitiesOnlyAControlApiGives =
    [
        ("needs-consent", "Conformance:ControlUrl"),
        ("needs-clock", "Conformance:ControlUrl"),
        ("needs-outage", "Conformance:ControlUrl"),
        ("needs-uninstall", "Conformance:ControlUrl"),
    ];

    /// <summary>
    /// The catalogue but for two advisory scenarios that would be the 10th and 11th refresh with the
    /// configured token: the suite's refresh budget (9 a minute, by design) would make them wait a
    /// minute, which this project cannot afford.
    /// </summary>
    private const string AllButTheTenthRefresh = "Category!=rfc6749.json-errors&Category!=rfc6749.no-store";

    private static readonly string[] FilteredOut = ["rfc6749.json-errors", "rfc6749.no-store"];

    private StandaloneEmulator _emulator = null!;
    private RewritingProxy _proxy = null!;
    private InstalledApp _app = null!;
    private InstalledApp _destructiveApp = null!;
    private InstalledApp _failingApp = null!;
    private SuiteRun _run = null!;
    private SuiteRun _destructiveRun = null!;
    private SuiteRun _failingRun = null!;
    private IReadOnlyDictionary<string, IReadOnlySet<string>> _tags = null!;

    [OneTimeSetUp]
    public async Task RunTheCatalogueWithConfiguredCredentialsAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _proxy = await RewritingProxy.StartAsync(_emulator.ApiUrl, "Refresh token does not exist", "Unknown refresh token");
        // One app per run: runs never share a refresh token (or its rate limit), and a destructive run revokes only its own.
        _app = await InstalledApp.InstallAsync(_emulator);
        _destructiveApp = await InstalledApp.InstallAsync(_emulator);
        _failingApp = await InstalledApp.InstallAsync(_emulator);

        var runs = await Task.WhenAll(
            SuiteRun.ExecuteAsync(Configured(_app, _emulator.ApiUrl), filter: AllButTheTenthRefresh),
            SuiteRun.ExecuteAsync(Configured(_destructiveApp, _emulator.ApiUrl, allowDestructive: true), filter: "Category=token.refresh.revoked"),
            SuiteRun.ExecuteAsync(Configured(_failingApp, _proxy.Url), filter: "Category=token.refresh.not-found"));
        (_run, _destructiveRun, _failingRun) = (runs[0], runs[1], runs[2]);
        TestContext.Progress.WriteLine($"Suite runs took {string.Join(", ", runs.Select(r => $"{r.Elapsed.TotalSeconds:0.0} s"))}.");
        _tags = ScenarioTags.Read(_run.ReportFile("cucumber.ndjson"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        _emulator?.Dispose();
    }

    [Test]
    public void Nothing_fails_and_the_run_exits_with_zero()
    {
        _run.Results.Where(r => r.Failed).Select(r => $"{r.Name}: {r.Message}").Should().BeEmpty("{0}", _run);
        _run.ExitCode.Should().Be(0, "{0}", _run);
        _run.Conformance.Behaviours.Should().NotContain(b => b.Verdict == "not-satisfied" || b.Verdict == "advisory-not-met");
    }

    [Test]
    public void What_the_configured_app_and_tokens_allow_runs_and_passes()
    {
        _run.Results.Should().Contain(r => r.Passed);
        _run.Conformance["api.succeeds"].Verdict.Should().Be("satisfied", "the configured access token works");
        _run.Conformance["token.refresh.not-found"].Verdict.Should().Be("satisfied", "the configured app and refresh token are enough");
        _run.Conformance["token.refresh.succeeds"].Verdict.Should().Be("satisfied");
    }

    [Test]
    public void Scenarios_that_need_a_control_api_are_skipped_naming_the_missing_capability_and_setting()
    {
        foreach (var (tag, setting) in CapabilitiesOnlyAControlApiGives)
        {
            var needing = _run.Results.Where(r => Tagged(r, tag)).ToList();
            needing.Should().NotBeEmpty("some scenario is tagged @{0}", tag);
            needing.Should().AllSatisfy(r =>
            {
                r.Skipped.Should().BeTrue("{0} needs @{1}, which the target lacks: skipped, never passed or failed", r.Name, tag);
                r.Message.Should().Contain("@" + tag).And.Contain(setting);
            });
        }
    }

    [Test]
    public void Behaviours_verified_only_through_a_control_api_are_not_verified_with_the_reason()
    {
        var clockOnly = _run.Conformance["token.refresh.inactive"];
        clockOnly.Verdict.Should().Be("not-verified");
        clockOnly.Reasons.Should().Contain(r => r.Contains("@needs-clock", StringComparison.Ordinal) && r.Contains("Conformance:ControlUrl", StringComparison.Ordinal));

        _run.Conformance.Behaviours.Where(b => b.Verdict == "not-verified" && !FilteredOut.Contains(b.Id))
            .Should().OnlyContain(b => b.Reasons.Count > 0 && b.Reasons.All(r => r.Contains("Conformance:", StringComparison.Ordinal)), "every skip names the setting that would allow it");
    }

    [Test]
    public void Destructive_scenarios_are_skipped_unless_AllowDestructive_is_true()
    {
        var destructive = _run.Results.Where(r => Tagged(r, "destructive")).ToList();
        destructive.Should().NotBeEmpty();
        destructive.Should().AllSatisfy(r =>
        {
            r.Skipped.Should().BeTrue("{0} revokes or exhausts the configured tokens", r.Name);
            r.Message.Should().Contain("Conformance:AllowDestructive=true");
        });

        var revokedByTheApp = _destructiveRun.Results.Where(r => Tagged(r, "destructive")).ToList();
        revokedByTheApp.Should().NotBeEmpty("{0}", _destructiveRun);
        revokedByTheApp.Should().OnlyContain(r => r.Passed, "with Conformance__AllowDestructive=true it runs; {0}", _destructiveRun);
        _destructiveRun.ExitCode.Should().Be(0, "{0}", _destructiveRun);
    }

    private bool Tagged(TestResult result, string tag) =>
        _tags.TryGetValue(result.Name, out var tags) && tags.Contains(tag);

    private Dictionary<string, string> Configured(InstalledApp app, Uri apiBaseUrl, bool allowDestructive = false) => new()
    {
        ["Target"] = "remote",
        ["ApiBaseUrl"] = apiBaseUrl.AbsoluteUri,
        ["WebBaseUrl"] = _emulator.WebUrl.AbsoluteUri,
        ["ClientId"] = app.ClientId,
        ["ClientSecret"] = app.ClientSecret,
        ["RedirectUri"] = app.RedirectUri,
        ["RefreshToken"] = app.RefreshToken,
        ["AccessToken"] = app.AccessToken,
        ["AllowDestructive"] = allowDestructive ? "true" : "false",
    };
}
