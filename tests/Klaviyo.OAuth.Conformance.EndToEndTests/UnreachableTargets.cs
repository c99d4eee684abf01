namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// A target that cannot be used — nothing listens, it never answers, it answers HTML — fails each
/// scenario fast with the URL and the cause; the run ends in bounded time and still writes its reports.
/// The target is configured as a remote one without a control API, as a user would point the suite
/// at a real endpoint; a few scenarios are enough.
/// </summary>
[TestFixture]
public sealed class UnreachableTargets
{
    private const string RefreshNotFound = "Category=token.refresh.not-found";

    private const string FewScenarios = RefreshNotFound + "|Category=api.succeeds";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_closed_port_fails_each_scenario_with_the_url_and_connection_refused()
    {
        var api = Loopback.Url(Loopback.FreePort());

        var run = await RunAgainstAsync(api);

        FailedMessages(run).Should().AllSatisfy(message => message.Should().Contain(api.Authority).And.Contain("connection refused"));
        ThenTheRunEndedInBoundedTimeWithItsReports(run);
    }

    [Test]
    public async Task A_server_that_never_answers_fails_each_scenario_after_the_configured_timeout()
    {
        await using var silent = SilentServer.Start();

        var run = await RunAgainstAsync(silent.Url, timeoutSeconds: 1);

        silent.Connections.Should().BeGreaterThan(0, "the suite did connect and waited for an answer");
        FailedMessages(run).Should().AllSatisfy(message => message.Should().Contain(silent.Url.Authority).And.Contain("did not answer within 1 s"));
        ThenTheRunEndedInBoundedTimeWithItsReports(run);
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

    private static Task<SuiteRun> RunAgainstAsync(Uri api, int timeoutSeconds = 10, string filter = FewScenarios) =>
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
            timeout: TimeSpan.FromSeconds(90));

    private static List<string> FailedMessages(SuiteRun run)
    {
        run.Results.Should().NotBeEmpty("{0}", run);
        run.Results.Should().OnlyContain(r => r.Failed, "no scenario can pass against this target; {0}", run);
        return run.Results.Select(r => r.Message).ToList();
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
