namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// Issue 6's "done when": the standalone emulator behind a proxy that changes one response is a
/// target with exactly one broken behaviour, and the reports say exactly that — with evidence, and
/// without any of the secrets the run handled.
/// </summary>
[TestFixture]
public sealed partial class BrokenBehaviourBehindAProxy
{
    private const string Broken = "token.refresh.not-found";
    private const string Documented = "Refresh token does not exist";
    private const string Rewritten = "Unknown refresh token";

    private StandaloneEmulator _emulator = null!;
    private RewritingProxy _proxy = null!;
    private SuiteRun _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCatalogueThroughTheProxyAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _proxy = await RewritingProxy.StartAsync(_emulator.ApiUrl, Documented, Rewritten);
        // The API host (and its control API) through the proxy, which sees every secret; the web host direct.
        _run = await SuiteRun.ExecuteAsync(new Dictionary<string, string>
        {
            ["Target"] = "remote",
            ["ApiBaseUrl"] = _proxy.Url.AbsoluteUri,
            ["WebBaseUrl"] = _emulator.WebUrl.AbsoluteUri,
            ["ControlUrl"] = _proxy.Url.AbsoluteUri,
        });
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
    public void Exactly_the_broken_behaviour_is_not_satisfied_and_every_other_is_satisfied()
    {
        _proxy.Errors.Should().BeEmpty("the proxy forwarded every request");
        _proxy.Rewrites.Should().BeGreaterThan(0, "the proxy did change the answers; {0}", _run);
        var report = _run.Conformance;
        report.Behaviours.Where(b => b.Verdict != "satisfied").Select(b => $"{b.Id}: {b.Verdict}")
            .Should().Equal([$"{Broken}: not-satisfied"], "only the rewritten answer breaks the guide; {0}", _run);
        report.FailsBuild.Should().BeTrue();
    }

    [Test]
    public void The_failed_scenarios_are_exactly_those_of_the_broken_behaviour()
    {
        var scenarios = _run.Conformance[Broken].Scenarios;
        scenarios.Should().NotBeEmpty().And.OnlyContain(s => s.Outcome == "failed");
        _run.Results.Where(r => r.Failed).Select(r => r.Name).Should().BeEquivalentTo(scenarios.Select(s => s.Name), "{0}", _run);
    }

    [Test]
    public void The_evidence_shows_the_rewritten_answer()
    {
        _run.Conformance[Broken].Scenarios.Should().AllSatisfy(s => s.Evidence.Should().Contain(Rewritten).And.Contain(_proxy.Url.Authority));
    }

    [Test]
    public void The_evidence_names_the_guides_tip_for_what_the_target_answered()
    {
        // invalid_grant on a well-formed refresh: the guide's diagnosis of the exchange points at the refresh-token tip.
        var tip = Klaviyo.OAuth.Guide.Tips.TipCatalogue.Find("tip.refresh-token-invalid")!;
        _run.Conformance[Broken].Scenarios.Should().NotBeEmpty().And.AllSatisfy(s => s.Evidence.Should().EndWith($"Tip: {tip.Id} — {tip.Words}"));
    }

    [Test]
    public void The_run_exits_non_zero()
    {
        _run.ExitCode.Should().NotBe(0, "a documented behaviour is not satisfied; {0}", _run);
        _run.ConsoleOutput.Should().Contain(Broken);
    }

    [Test]
    public void No_secret_the_run_handled_appears_in_any_output()
    {
        var secrets = SecretHarvest.From(_proxy.Exchanges);
        secrets.Keys.Should().Contain(k => k.StartsWith("clientSecret", StringComparison.Ordinal))
            .And.Contain(k => k.StartsWith("refresh_token", StringComparison.Ordinal))
            .And.Contain(k => k.StartsWith("access_token", StringComparison.Ordinal))
            .And.Contain(k => k.StartsWith("Basic", StringComparison.Ordinal));

        OutputSearch.Leaks(_run.OutputFiles, secrets).Should().BeEmpty();
    }
}
