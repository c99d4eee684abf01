namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// A target that cannot be reached — nothing listens, it never answers — is found by the preflight
/// before any scenario: the run fails once with the URL and the cause, quickly, and every behaviour
/// is "not verified", never "not satisfied". A target that answers, but with HTML, is reachable: its
/// scenarios fail showing what came back. The target is configured as a remote one without a
/// control API, as a user would point the suite at a real endpoint.
/// </summary>
[TestFixture]
public sealed class UnreachableTargets
{
    private const string RefreshNotFound = "Category=token.refresh.not-found";

    private const string FewScenarios = RefreshNotFound + "|Category=api.succeeds";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    /// <summary>The brief's own example: both hosts on the discard port, with a full set of credentials, the whole catalogue.</summary>
    [Test]
    public async Task A_closed_port_ends_the_run_quickly_with_one_message_and_nothing_not_satisfied()
    {
        var run = await RunAgainstAsync(new Uri("http://127.0.0.1:9"), filter: null);

        run.ExitCode.Should().NotBe(0, "{0}", run);
        // Bounded, not timed: how fast it ends is measured alone (docs/benchmarks.md), not on a shared machine.
        run.Elapsed.Should().BeLessThan(Bound, "{0}", run);
        run.ConsoleOutput.Should().Contain("http://127.0.0.1:9/").And.Contain("connection refused");
        ThenNothingWasVerifiedAndNothingIsNotSatisfied(run);
    }

    [Test]
    public async Task A_server_that_never_answers_ends_the_run_after_the_configured_timeout_with_one_message()
    {
        await using var silent = SilentServer.Start();

        var run = await RunAgainstAsync(silent.Url, timeoutSeconds: 1);

        silent.Connections.Should().BeGreaterThan(0, "the suite did connect and waited for an answer");
        run.ExitCode.Should().NotBe(0, "{0}", run);
        run.Elapsed.Should().BeLessThan(Bound, "{0}", run);
        run.ConsoleOutput.Should().Contain(silent.Url.Authority).And.Contain("did not answer within 1 s");
        ThenNothingWasVerifiedAndNothingIsNotSatisfied(run);
    }

    [Test]
    public async Task A_server_that_answers_html_fails_each_scenario_showing_what_came_back_truncated_without_a_parser_stack_trace()
    {
        await using var html = await HtmlServer.StartAsync();

        var run = await RunAgainstAsync(html.Url, filter: RefreshNotFound);

        FailedMessages(run).Should().AllSatisfy(message => message.Should()
            .Contain(html.Url.Authority)
            .And.Contain(HtmlServer.Start, "the failure shows what came back")
            .And.Contain("[truncated", "a long page is cut")
            .And.NotContain(HtmlServer.End));
        run.ConsoleOutput.Should().NotContain("JsonException").And.NotContain("at System.Text.Json");
        File.ReadAllText(run.TrxPath).Should().NotContain("JsonException");
        ThenTheRunEndedInBoundedTimeWithItsReports(run);
    }

    [Test]
    public async Task An_html_page_is_not_a_successful_api_call()
    {
        await using var html = await HtmlServer.StartAsync();

        var run = await RunAgainstAsync(html.Url, filter: "Category=api.succeeds");

        run.Results.Should().ContainSingle().Which.Failed.Should().BeTrue("{0}", run);
        run.Conformance["api.succeeds"].Verdict.Should().Be("not-satisfied");
    }

    private static Task<SuiteRun> RunAgainstAsync(Uri api, int timeoutSeconds = 10, string? filter = FewScenarios) =>
        SuiteRun.ExecuteAsync(
            new Dictionary<string, string>
            {
                ["Target"] = "remote",
                ["ApiBaseUrl"] = api.AbsoluteUri,
                ["WebBaseUrl"] = api.AbsoluteUri,
                ["ClientId"] = "0123456789abcdef01234567",
                ["ClientSecret"] = "unreachable-target-client-secret",
                ["RedirectUri"] = "http://127.0.0.1/callback",
                ["RefreshToken"] = "klr_" + new string('r', 43),
                ["AccessToken"] = "kla_" + new string('a', 40),
                ["TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            filter,
            timeout: TimeSpan.FromSeconds(150));

    private static List<string> FailedMessages(SuiteRun run)
    {
        run.Results.Should().NotBeEmpty("{0}", run);
        run.Results.Should().OnlyContain(r => r.Failed, "no scenario can pass against this target; {0}", run);
        return run.Results.Select(r => r.Message).ToList();
    }

    private static void ThenNothingWasVerifiedAndNothingIsNotSatisfied(SuiteRun run)
    {
        run.Results.Should().NotBeEmpty("{0}", run).And.OnlyContain(r => r.Skipped, "an unreachable target fails no scenario; {0}", run);
        run.Conformance.Behaviours.Should().OnlyContain(b => b.Verdict == "not-verified", "nothing about conformance was learned");
        // Every scenario the run started (a filtered run lists the others as never started) says why.
        run.Conformance.Behaviours.SelectMany(b => b.Scenarios).Where(s => s.Reason != "The scenario did not run.")
            .Should().NotBeEmpty().And.OnlyContain(s => s.Reason!.Contains("target unreachable", StringComparison.Ordinal));
        run.Conformance.FailsBuild.Should().BeTrue();
        // The URL and the cause are said once by the suite's own summary, not once per scenario.
        run.ConsoleOutput.Split('\n').Count(line => line.StartsWith("FAILS: The target could not be reached", StringComparison.Ordinal)).Should().BeInRange(1, 2, "the summary's outcome, and the failure that repeats it");
    }

    private static void ThenTheRunEndedInBoundedTimeWithItsReports(SuiteRun run)
    {
        run.ExitCode.Should().NotBe(0, "{0}", run);
        run.Elapsed.Should().BeLessThan(Bound, "{0}", run);
        foreach (var report in new[] { "conformance.json", "conformance.md", "conformance.html", "junit.xml", "living-doc.html", "cucumber.ndjson" })
        {
            File.Exists(Path.Combine(run.ReportsDirectory, report)).Should().BeTrue("{0} is written even when the target is unusable", report);
        }

        var failedIds = run.Conformance.Behaviours.Where(b => b.Verdict == "not-satisfied").Select(b => b.Id).ToList();
        failedIds.Should().Contain("token.refresh.not-found", "the report shows what the unusable target did not do");
    }
}
