namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The tool's <c>run</c> in CI against a target with one broken behaviour (the standalone emulator
/// behind a proxy that rewords one answer): a known-deviations file keeps the build green and says
/// why, an expired entry fails it, an unknown id is bad input; and in a GitHub Actions step the run
/// annotates the failure and writes the job summary.
/// </summary>
[TestFixture]
public sealed class KnownDeviationsAndAnnotationsInCi
{
    private const string Broken = "token.refresh.not-found";
    private const string Reason = "our gateway words the unknown refresh token its own way";

    private EmulatorBehindAProxy _target = null!;
    private ToolRun _listed = null!;
    private ToolRun _expired = null!;
    private ToolRun _unknownId = null!;
    private ToolRun _inGitHubActions = null!;

    private string Summary => Path.Combine(_target.Work.FullName, "step-summary.md");

    [OneTimeSetUp]
    public async Task RunAsync()
    {
        _target = await EmulatorBehindAProxy.StartAsync(new TextReplacement("Refresh token does not exist", "Unknown refresh token"));
        File.WriteAllText(Path.Combine(_target.Work.FullName, "listed.json"), $$"""[{ "id": "{{Broken}}", "reason": "{{Reason}}", "until": "2999-12-31" }]""");
        File.WriteAllText(Path.Combine(_target.Work.FullName, "expired.json"), $$"""[{ "id": "{{Broken}}", "reason": "{{Reason}}", "until": "2020-01-31" }]""");
        File.WriteAllText(Path.Combine(_target.Work.FullName, "unknown.json"), """[{ "id": "token.refresh.nope", "reason": "typo" }]""");
        var runs = await Task.WhenAll(
            RunAsync("listed", ["--deviations", "listed.json"]),
            RunAsync("expired", ["--deviations", "expired.json"]),
            RunAsync("unknown", ["--deviations", "unknown.json"]),
            RunAsync("github", [], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = Summary }));
        (_listed, _expired, _unknownId, _inGitHubActions) = (runs[0], runs[1], runs[2], runs[3]);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    private Task<ToolRun> RunAsync(string reports, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?>? environment = null) =>
        _target.RunAsync(throughTheProxy: true, $"Category={Broken}", reports, options, environment);

    [Test]
    public void A_listed_failure_is_a_known_deviation_with_its_reason_and_the_run_passes()
    {
        _listed.ExitCode.Should().Be(0, "{0}", _listed);
        _listed.Output.Should().Contain($"known deviation: {Reason}").And.Contain("PASSES");
        File.ReadAllText(Path.Combine(_target.Work.FullName, "listed", "conformance.json")).Should().Contain("\"verdict\": \"known-deviation\"");
    }

    [Test]
    public void An_entry_past_its_date_fails_the_run_as_an_unlisted_failure_would()
    {
        _expired.ExitCode.Should().Be(1, "{0}", _expired);
        _expired.Output.Should().Contain("expired after 2020-01-31");
    }

    [Test]
    public void An_id_the_catalogue_does_not_know_is_bad_input_and_nothing_runs()
    {
        _unknownId.ExitCode.Should().Be(2, "{0}", _unknownId);
        _unknownId.Output.Should().Contain("entry 1: \"token.refresh.nope\" is not a behaviour of the catalogue").And.NotContain("   at ");
        Directory.Exists(Path.Combine(_target.Work.FullName, "unknown")).Should().BeFalse("no scenario ran and no report was written");
    }

    [Test]
    public void In_a_github_actions_step_the_failure_is_annotated_and_the_job_summary_written()
    {
        _inGitHubActions.ExitCode.Should().Be(1, "{0}", _inGitHubActions);
        _inGitHubActions.Output.Should().Contain($"::error title={Broken}");
        File.ReadAllText(Summary).Should().Contain($"`{Broken}`").And.Contain("not satisfied");
        _listed.Output.Should().NotContain("::error", "off GitHub Actions no workflow command is written");
    }
}
