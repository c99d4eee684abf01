namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// A team that runs the catalogue with <c>dotnet test</c> keeps a green build with a known-deviations
/// file, as it would with the tool: the listed behaviour's failing scenarios are warnings that say
/// why, the reports show the known deviation, and the run exits 0.
/// </summary>
[TestFixture]
public sealed class KnownDeviationsUnderDotnetTest
{
    private const string Broken = "token.refresh.not-found";
    private const string Reason = "our gateway words this error its own way";

    private StandaloneEmulator _emulator = null!;
    private RewritingProxy _proxy = null!;
    private SuiteRun _run = null!;
    private string _deviations = null!;

    [OneTimeSetUp]
    public async Task RunTheBrokenBehaviourWithItListedAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _proxy = await RewritingProxy.StartAsync(_emulator.ApiUrl, "Refresh token does not exist", "Unknown refresh token");
        _deviations = Path.Combine(Path.GetTempPath(), $"deviations-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_deviations, $$"""[{ "id": "{{Broken}}", "reason": "{{Reason}}" }]""");
        _run = await SuiteRun.ExecuteAsync(
            new Dictionary<string, string>
            {
                ["Target"] = "remote",
                ["ApiBaseUrl"] = _proxy.Url.AbsoluteUri,
                ["WebBaseUrl"] = _emulator.WebUrl.AbsoluteUri,
                ["ControlUrl"] = _proxy.Url.AbsoluteUri,
                ["Deviations"] = _deviations,
            },
            filter: $"Category={Broken}");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        _emulator?.Dispose();
        File.Delete(_deviations);
    }

    [Test]
    public void The_run_exits_zero_and_reports_the_known_deviation()
    {
        _proxy.Rewrites.Should().BeGreaterThan(0, "the proxy did break the behaviour; {0}", _run);
        _run.ExitCode.Should().Be(0, "{0}", _run);
        _run.Conformance[Broken].Verdict.Should().Be("known-deviation");
    }

    [Test]
    public void Each_failing_scenario_of_the_listed_behaviour_is_a_warning_that_says_why()
    {
        _run.Results.Should().NotBeEmpty().And.OnlyContain(r => !r.Failed, "{0}", _run);
        _run.Results.Should().AllSatisfy(r => r.Message.Should().Contain($"Expected failure (known deviation: {Reason})").And.Contain("Unknown refresh token"));
    }
}
