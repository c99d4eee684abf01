namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// No false alarms: the standalone emulator behind a proxy that varies every answer as a conforming
/// server may (key order, whitespace, extra members and headers, charset, chunked encoding,
/// Retry-After as a date, a bare 503, CloudFront's real page, an empty or {} revoke answer) is
/// still satisfied on every behaviour.
/// </summary>
[TestFixture]
public sealed class VariationsAConformingServerMayMake
{
    private StandaloneEmulator _emulator = null!;
    private ConformingVariations _variations = null!;
    private RewritingProxy _api = null!;
    private RewritingProxy _web = null!;
    private SuiteRun _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCatalogueThroughTheVaryingProxyAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _variations = new ConformingVariations();
        _api = await RewritingProxy.StartAsync(_emulator.ApiUrl, _variations);
        _web = await RewritingProxy.StartAsync(_emulator.WebUrl, _variations);
        _run = await SuiteRun.ExecuteAsync(new Dictionary<string, string>
        {
            ["Target"] = "remote",
            ["ApiBaseUrl"] = _api.Url.AbsoluteUri,
            ["WebBaseUrl"] = _web.Url.AbsoluteUri,
            ["ControlUrl"] = _api.Url.AbsoluteUri,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var proxy in new[] { _api, _web }.Where(p => p is not null))
        {
            await proxy.DisposeAsync();
        }

        _emulator?.Dispose();
    }

    [Test]
    public void Every_behaviour_stays_satisfied_and_the_run_passes()
    {
        _api.Errors.Concat(_web.Errors).Should().BeEmpty("the proxies forwarded every request");
        _run.Conformance.Behaviours.Where(b => b.Verdict != "satisfied").Select(b => $"{b.Id}: {b.Verdict}")
            .Should().BeEmpty("a conforming server may vary all of this; {0}", _run);
        _run.ExitCode.Should().Be(0, "{0}", _run);
    }

    [Test]
    public void Every_variation_was_applied()
    {
        ConformingVariations.All.Where(v => !_variations.Applied.ContainsKey(v))
            .Should().BeEmpty("each variation reached the suite at least once; applied: {0}", string.Join(", ", _variations.Applied.Select(a => $"{a.Key} ×{a.Value}")));
    }
}
