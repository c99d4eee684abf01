namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// No silent passes: a gateway that caches "this access token is valid" keeps expired and revoked
/// access tokens working. Because each scenario first shows the same token worked, the cached 200
/// that follows is caught, and api.authentication-failed is reported as not satisfied.
/// </summary>
[TestFixture]
public sealed class ValidTokenCacheBehindAProxy
{
    private StandaloneEmulator _emulator = null!;
    private RewritingProxy _gateway = null!;
    private SuiteRun _run = null!;

    [OneTimeSetUp]
    public async Task RunTheApiScenariosThroughTheCachingGatewayAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync();
        _gateway = await RewritingProxy.StartAsync(_emulator.ApiUrl, new ValidTokenCache());
        _run = await SuiteRun.ExecuteAsync(
            new Dictionary<string, string>
            {
                ["Target"] = "remote",
                ["ApiBaseUrl"] = _gateway.Url.AbsoluteUri,
                ["WebBaseUrl"] = _emulator.WebUrl.AbsoluteUri,
                ["ControlUrl"] = _gateway.Url.AbsoluteUri,
            },
            filter: "Category=api.authentication-failed|Category=api.succeeds");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        _emulator?.Dispose();
    }

    [Test]
    public void Expired_and_revoked_tokens_that_the_gateway_still_accepts_are_not_satisfied()
    {
        _gateway.Errors.Should().BeEmpty();
        _gateway.Rewrites.Should().BeGreaterThan(0, "the gateway answered from its cache; {0}", _run);
        _run.Conformance["api.authentication-failed"].Verdict.Should().Be("not-satisfied", "{0}", _run);
        _run.Conformance["api.succeeds"].Verdict.Should().Be("satisfied");
        _run.Results.Where(r => r.Failed).Select(r => r.Name).Should().BeEquivalentTo(
            ["An access token that worked fails authentication once it has expired", "An access token that worked fails authentication once it is revoked"]);
        _run.ExitCode.Should().NotBe(0);
    }
}
