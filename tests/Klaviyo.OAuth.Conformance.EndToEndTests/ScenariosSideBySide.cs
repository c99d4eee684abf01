using System.Net.Http.Json;
using System.Text.Json;
using Klaviyo.OAuth.Conformance.EndToEndTests.Support;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The tool's run at internet distance: scenarios side by side (<c>--parallel</c>), each provisioned
/// with one control call. Against the standalone emulator as a remote target, the verdicts are the
/// same one at a time and side by side, and the same as the embedded emulator's; a control API
/// without the provisioning route is still used, one call at a time.
/// </summary>
[TestFixture]
public sealed class ScenariosSideBySide
{
    private static readonly string[] OneThingAtATime = ["/__control/clients", "/__control/accounts", "/__control/users", "/__control/sessions"];

    private StandaloneEmulator _emulator = null!;
    private CatalogueRun _oneAtATime = null!;
    private CatalogueRun _sideBySide = null!;
    private IReadOnlyList<JournalLine> _sideBySideJournal = null!;

    [OneTimeSetUp]
    public async Task RunTheCatalogueBothWaysAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _oneAtATime = await CatalogueRun.ExecuteAsync([.. Remote(_emulator.ApiUrl), "--parallel", "1"]);
        var since = DateTimeOffset.UtcNow;
        _sideBySide = await CatalogueRun.ExecuteAsync([.. Remote(_emulator.ApiUrl), "--parallel", "32"]);
        _sideBySideJournal = await JournalAsync(since);
    }

    [OneTimeTearDown]
    public void Stop() => _emulator?.Dispose();

    [Test]
    public void Side_by_side_and_one_at_a_time_the_whole_catalogue_passes_with_the_same_verdicts()
    {
        _oneAtATime.ExitCode.Should().Be(0, "{0}", _oneAtATime);
        _sideBySide.ExitCode.Should().Be(0, "{0}", _sideBySide);
        _sideBySide.Conformance.Behaviours.Should().OnlyContain(b => b.Verdict == "satisfied", "{0}", _sideBySide);
        _sideBySide.Verdicts.Should().Equal(_oneAtATime.Verdicts);
    }

    [Test]
    public async Task The_embedded_emulator_gives_the_same_verdicts_as_the_remote_one()
    {
        var embedded = await CatalogueRun.ExecuteAsync("--parallel", "32");

        embedded.ExitCode.Should().Be(0, "{0}", embedded);
        Behaviours(embedded).Should().Equal(Behaviours(_sideBySide));
    }

    [Test]
    public void Each_scenario_is_provisioned_with_one_control_call()
    {
        var provisions = _sideBySideJournal.Count(e => e.Is("POST", "/__control/provisions"));
        var scenariosThatRan = _sideBySide.Conformance.Behaviours.SelectMany(b => b.Scenarios).Count(s => s.Outcome == "passed");

        _sideBySideJournal.Where(e => OneThingAtATime.Any(path => e.Is("POST", path))).Should().BeEmpty("app, account, user and session come in one call");
        provisions.Should().BeGreaterThan(scenariosThatRan / 2, "most scenarios need an app or a user")
            .And.BeLessThanOrEqualTo(scenariosThatRan + 1, "one call per scenario (one more for the rate limit's second grant)");
    }

    [Test]
    public async Task A_control_api_without_the_provisioning_route_is_asked_one_thing_at_a_time()
    {
        await using var proxy = await RewritingProxy.StartAsync(_emulator.ApiUrl, new WithoutProvisioning());
        var since = DateTimeOffset.UtcNow;

        var run = await CatalogueRun.ExecuteAsync([.. Remote(proxy.Url), "--filter", "Category=authorize.succeeds|Category=token.code-exchange.succeeds|Category=client-page.visible"]);

        run.ExitCode.Should().Be(0, "{0}", run);
        foreach (var id in new[] { "authorize.succeeds", "token.code-exchange.succeeds", "client-page.visible" })
        {
            run.Conformance[id].Verdict.Should().Be("satisfied", "{0}", run);
        }

        proxy.Exchanges.Count(e => e.Method == "POST" && e.PathAndQuery == "/__control/provisions").Should().Be(1, "a missing route is asked for once, then no more");
        var journal = await JournalAsync(since);
        journal.Should().Contain(e => e.Is("POST", "/__control/clients")).And.Contain(e => e.Is("POST", "/__control/sessions"));
    }

    /// <summary>The API host (and its control API) at <paramref name="api"/>, the web host direct.</summary>
    private string[] Remote(Uri api) => ["--api-url", api.AbsoluteUri, "--web-url", _emulator.WebUrl.AbsoluteUri, "--control-url", api.AbsoluteUri];

    private static IReadOnlyList<string> Behaviours(CatalogueRun run) => [.. run.Conformance.Behaviours.Select(b => $"{b.Id}: {b.Verdict}")];

    private async Task<IReadOnlyList<JournalLine>> JournalAsync(DateTimeOffset since)
    {
        using var http = new HttpClient();
        var url = new Uri(_emulator.ApiUrl, $"__control/journal?control=true&limit=100000&since={Uri.EscapeDataString(since.ToString("O"))}");
        var answer = await http.GetFromJsonAsync<JsonElement>(url);
        return [.. answer.GetProperty("entries").EnumerateArray().Select(e => new JournalLine(e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))];
    }

    /// <summary>One <c>run</c> of the built tool, with its reports in a folder of its own.</summary>
    private sealed record CatalogueRun(ToolRun Tool, string Reports)
    {
        public int ExitCode => Tool.ExitCode;

        public ConformanceJson Conformance => ConformanceJson.Read(Path.Combine(Reports, "conformance.json"));

        /// <summary>Each behaviour's verdict and each scenario's outcome, as one comparable list.</summary>
        public IReadOnlyList<string> Verdicts =>
            [.. Conformance.Behaviours.SelectMany(b => b.Scenarios.Select(s => $"{b.Id}: {b.Verdict}; {s.Name}: {s.Outcome}")).Order(StringComparer.Ordinal)];

        public static async Task<CatalogueRun> ExecuteAsync(params string[] options)
        {
            var work = Directory.CreateTempSubdirectory("side-by-side-").FullName;
            var reports = Path.Combine(work, "reports");
            return new CatalogueRun(await ToolRun.ExecuteAsync(work, ["run", "--out", reports, .. options], timeout: TimeSpan.FromMinutes(4)), reports);
        }

        public override string ToString() => Tool.ToString();
    }

    private sealed record JournalLine(string Method, string Path)
    {
        public bool Is(string method, string path) => Method == method && Path.Split('?')[0] == path;
    }

    /// <summary>A control API of an older emulator: no POST /__control/provisions.</summary>
    private sealed class WithoutProvisioning : IProxyRule
    {
        public ProxiedAnswer? AnswerInstead(ProxiedRequest request) =>
            request.IsPost("/__control/provisions") ? new ProxiedAnswer(404, [], """{"error":"No control route POST /__control/provisions."}""") : null;

        public bool Rewrite(ProxiedRequest request, ProxiedAnswer answer) => false;
    }
}
