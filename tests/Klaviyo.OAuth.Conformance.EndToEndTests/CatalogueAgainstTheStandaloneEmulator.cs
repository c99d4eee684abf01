namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The README's second recipe, end to end: the standalone emulator in its own process, the suite in
/// another, Target=remote with the emulator's control API. The reference implementation must
/// satisfy the whole catalogue this way; that proves the remote path.
/// </summary>
[TestFixture]
public sealed partial class CatalogueAgainstTheStandaloneEmulator
{
    private StandaloneEmulator _emulator = null!;
    private SuiteRun _run = null!;

    [OneTimeSetUp]
    public async Task RunTheWholeCatalogueAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _run = await SuiteRun.ExecuteAsync(new Dictionary<string, string>
        {
            ["Target"] = "remote",
            ["ApiBaseUrl"] = _emulator.ApiUrl.AbsoluteUri,
            ["WebBaseUrl"] = _emulator.WebUrl.AbsoluteUri,
            ["ControlUrl"] = _emulator.ApiUrl.AbsoluteUri,
        });
    }

    [OneTimeTearDown]
    public void StopTheEmulator() => _emulator?.Dispose();

    [Test]
    public void Every_scenario_of_the_catalogue_passes()
    {
        _run.Results.Should().HaveCountGreaterThan(50, "the whole catalogue ran; {0}", _run);
        _run.Results.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.Outcome} {r.Message}")
            .Should().BeEmpty("the reference emulator passes every scenario in remote mode; {0}", _run);
    }

    [Test]
    public void The_run_exits_with_zero()
    {
        _run.ExitCode.Should().Be(0, "{0}", _run);
    }

    [Test]
    public void Every_behaviour_of_conformance_json_is_satisfied()
    {
        var report = _run.Conformance;
        report.TargetKind.Should().Be("remote");
        report.FailsBuild.Should().BeFalse();
        report.Behaviours.Should().NotBeEmpty();
        report.Behaviours.Where(b => b.Verdict != "satisfied").Select(b => $"{b.Id}: {b.Verdict}")
            .Should().BeEmpty("every behaviour of the catalogue is satisfied by the reference emulator");
        report.Verdicts["satisfied"].Should().Be(report.Behaviours.Count);
    }

    [Test]
    public void The_report_of_a_remote_run_has_no_engine_rows()
    {
        // The diagnosis and client-conduct scenarios test the suite's own engines, not the target.
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_run.ReportFile("conformance.json")));
        report.RootElement.GetProperty("troubleshootingTips").GetArrayLength().Should().Be(0, "{0}", _run);
        report.RootElement.GetProperty("clientConductRules").GetArrayLength().Should().Be(0, "{0}", _run);
        File.ReadAllText(_run.ReportFile("cucumber.ndjson")).Should().NotContain("\"@engine\"", "no engine scenario is run or listed");
        File.ReadAllText(_run.ReportFile("conformance.html")).Should().NotContain("id=\"troubleshooting-tips\"").And.NotContain("id=\"client-conduct-rules\"");
    }

    [Test]
    public void The_suite_talked_to_the_standalone_emulator()
    {
        // Not to an embedded emulator of its own: the standalone one logged the suite's requests.
        _emulator.Output.Should().Contain("/oauth/token").And.Contain("/__control/");
        _run.ConsoleOutput.Should().Contain(_emulator.ApiUrl.AbsoluteUri);
    }
}
