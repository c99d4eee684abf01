namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The README's first recipe, for people who do not clone the repository: the tool packed and
/// installed from a local folder, then run, emulate and report as they would use them.
/// </summary>
[TestFixture]
public sealed class TheInstalledTool
{
    private PackedTool _tool = null!;

    [OneTimeSetUp]
    public async Task PackAndInstallOnceAsync() => _tool = await PackedTool.PackAndInstallAsync();

    [OneTimeTearDown]
    public void Uninstall() => _tool?.Dispose();

    [Test]
    public async Task Run_in_an_empty_directory_prints_the_summary_and_writes_the_reports_under_it()
    {
        var empty = _tool.NewWorkingDirectory("empty");

        var (exitCode, output) = await _tool.RunAsync(empty.FullName, "run");

        exitCode.Should().Be(0, output);
        output.Should().Contain("Conformance (embedded target").And.Contain("PASSES");
        var reports = Path.Combine(empty.FullName, "reports");
        Directory.GetFiles(reports).Select(Path.GetFileName).Should().Contain(["conformance.json", "conformance.md", "conformance.html", "junit.xml", "cucumber.ndjson", "living-doc.html"]);
        ConformanceJson.Read(Path.Combine(reports, "conformance.json")).FailsBuild.Should().BeFalse();
    }

    [Test]
    public async Task Run_against_emulate_with_its_control_api_satisfies_every_behaviour()
    {
        using var emulator = await StandaloneEmulator.StartFromToolAsync(_tool.Executable);
        var work = _tool.NewWorkingDirectory("remote");

        var (exitCode, output) = await _tool.RunAsync(work.FullName, "run",
            "--api-url", emulator.ApiUrl.AbsoluteUri, "--web-url", emulator.WebUrl.AbsoluteUri, "--control-url", emulator.ApiUrl.AbsoluteUri);

        exitCode.Should().Be(0, output);
        var report = ConformanceJson.Read(Path.Combine(work.FullName, "reports", "conformance.json"));
        report.TargetKind.Should().Be("remote");
        report.Behaviours.Should().HaveCount(33);
        report.Behaviours.Where(b => b.Verdict != "satisfied").Select(b => $"{b.Id}: {b.Verdict}").Should().BeEmpty(output);
        emulator.Output.Should().Contain("/__control/", "the run used the emulator the tool started");
    }

    [Test]
    public async Task Report_of_two_filtered_runs_gives_the_matrix_of_one_full_run()
    {
        var work = _tool.NewWorkingDirectory("split");
        var full = await _tool.RunAsync(work.FullName, "run", "--out", "full");
        var token = await _tool.RunAsync(work.FullName, "run", "--filter", "Category~token.", "--out", "token");
        var rest = await _tool.RunAsync(work.FullName, "run", "--filter", "Category!~token.", "--out", "rest");
        new[] { full, token, rest }.Should().OnlyContain(r => r.ExitCode == 0, string.Join(Environment.NewLine, full.Output, token.Output, rest.Output));

        var merged = await _tool.RunAsync(work.FullName, "report", Path.Combine("token", "cucumber.ndjson"), Path.Combine("rest", "cucumber.ndjson"), "--out", "merged");

        merged.ExitCode.Should().Be(0, merged.Output);
        var one = ConformanceJson.Read(Path.Combine(work.FullName, "full", "conformance.json"));
        var split = ConformanceJson.Read(Path.Combine(work.FullName, "token", "conformance.json"));
        var both = ConformanceJson.Read(Path.Combine(work.FullName, "merged", "conformance.json"));
        split.Verdicts.Should().NotBeEquivalentTo(one.Verdicts, "each filtered run alone leaves behaviours unverified");
        both.Verdicts.Should().BeEquivalentTo(one.Verdicts);
        both.Behaviours.Select(b => (b.Id, b.Verdict, b.Scenarios.Count)).Should().Equal(one.Behaviours.Select(b => (b.Id, b.Verdict, b.Scenarios.Count)));
    }

    [Test]
    public async Task Bad_input_is_one_message_and_exit_code_2()
    {
        var work = _tool.NewWorkingDirectory("bad");

        var (exitCode, output) = await _tool.RunAsync(work.FullName, "run", "--filter", "Category=(");

        exitCode.Should().Be(2, output);
        output.Should().Contain("dotnet test --filter").And.NotContain("   at ");
    }

    [Test]
    public async Task Run_against_an_unreachable_target_says_so_once_without_a_line_per_scenario_and_exits_3()
    {
        var work = _tool.NewWorkingDirectory("unreachable");

        var (exitCode, output) = await _tool.RunAsync(work.FullName, "run", "--api-url", "http://127.0.0.1:9", "--web-url", "http://127.0.0.1:9");

        exitCode.Should().Be(Klaviyo.OAuth.Guide.ExitCodes.Unverified, output);
        output.Should().Contain("FAILS: The target could not be reached").And.Contain("connection refused")
            .And.NotContain("(skipped)").And.NotContain("-> Loading plugin").And.NotContain("-> Using reqnroll.json");
        output.Split('\n').Length.Should().BeLessThan(30, "one message and the verdict, not a line per scenario:{0}{1}", Environment.NewLine, output);
    }

    [Test]
    public async Task A_bare_invocation_shows_the_help_as_the_tool_names_itself_with_the_exit_codes_the_guide_and_the_reports()
    {
        var (exitCode, output) = await _tool.RunAsync(_tool.NewWorkingDirectory("bare").FullName);

        exitCode.Should().Be(Klaviyo.OAuth.Guide.ExitCodes.BadUsage, output);
        output.Should().Contain("Usage:").And.Contain("klaviyo-oauth-conformance [command] [options]").And.NotContain("Klaviyo.OAuth.Conformance.Tool [")
            .And.Contain("Exit codes:").And.Contain("https://developers.klaviyo.com/en/docs/troubleshoot_oauth_errors").And.Contain("./reports");
    }
}
