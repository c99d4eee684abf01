using System.Net;
using System.Text.Json;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// Proxy mode against a second emulator as the upstream: traffic reaches it through WireMock's
/// proxy, is journaled and attributed here, and injected behaviours answer in its place.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ProxyTests
{
    [Test]
    public async Task A_whole_flow_runs_through_the_proxy_and_is_journaled_by_app()
    {
        using var world = new ProxiedWorld();

        var (accessToken, refreshToken) = await world.ObtainTokens();
        using var refreshed = await world.Refresh(refreshToken);
        using var profiles = await world.CallApi(accessToken);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        profiles.StatusCode.Should().Be(HttpStatusCode.OK);
        profiles.Headers.GetValues("RateLimit-Limit").Should().Equal("1");
        world.Upstream.Journal.Where(e => e.Host == "api").Select(e => e.Path).Should().Equal("/oauth/token", "/oauth/token", "/api/accounts/");
        var journaled = world.Proxy.Journal.Where(e => e.Host == "api").ToList();
        journaled.Select(e => (e.Path, e.Status, e.ClientId)).Should().Equal(
            ("/oauth/token", 200, world.Client.ClientId), ("/oauth/token", 200, world.Client.ClientId), ("/api/accounts/", 200, world.Client.ClientId));
        journaled[0].Exchange!.Body.Should().NotContain(refreshToken).And.Contain("grant_type=authorization_code");
        world.Proxy.Journal.Where(e => e.Host == "web").Select(e => e.Path).Should().Contain("/oauth/authorize");
    }

    [Test]
    public async Task An_injected_answer_takes_the_upstreams_place_once_and_the_next_request_reaches_it_again()
    {
        using var world = new ProxiedWorld();
        var (accessToken, refreshToken) = await world.ObtainTokens();
        world.Proxy.Inject("token.refresh.rate-limited", clientId: world.Client.ClientId);
        world.Proxy.Inject("api.throttled", clientId: world.Client.ClientId);
        var reachedUpstream = world.Upstream.Journal.Count;

        using var limited = await world.Refresh(refreshToken);
        using var throttled = await world.CallApi(accessToken);
        var afterInjected = world.Upstream.Journal.Count;
        using var refreshed = await world.Refresh(refreshToken);
        using var called = await world.CallApi(accessToken);

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the access token was seen issued to the app through the proxy");
        afterInjected.Should().Be(reachedUpstream, "injected answers never reach the upstream");
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        called.StatusCode.Should().Be(HttpStatusCode.OK);
        world.Upstream.Journal.Count.Should().Be(reachedUpstream + 2);
        world.Proxy.Journal.Where(e => e.Status == 429).Should().HaveCount(2).And.OnlyContain(e => e.ClientId == world.Client.ClientId);
        world.Proxy.Journal.Where(e => e.Status == 429).SelectMany(e => e.Findings ?? []).Should()
            .NotContain(f => f.Tip == "tip.client-id", "the app is the upstream's: the proxy cannot call it unknown");
    }

    [Test]
    public async Task Recording_writes_the_upstreams_API_answers_as_mappings_without_a_credential()
    {
        var folder = Directory.CreateTempSubdirectory("recorded-").FullName;
        try
        {
            using var world = new ProxiedWorld(folder);
            var (accessToken, refreshToken) = await world.ObtainTokens();

            using var accounts = await world.CallApi(accessToken, "api/accounts/?fields%5Baccount%5D=timezone&token=" + Uri.EscapeDataString(refreshToken));
            using var refused = await world.CallApi("not-a-token");

            var files = Directory.GetFiles(folder);
            files.Should().ContainSingle("only the successful /api/ answer is recorded");
            var text = await File.ReadAllTextAsync(files[0]);
            text.Should().NotContain(accessToken).And.NotContain(refreshToken).And.NotContain(world.Client.ClientSecret)
                .And.NotContain("Authorization").And.NotContain("Bearer");
            var mapping = JsonDocument.Parse(text).RootElement;
            mapping.GetProperty("Request").GetProperty("Methods")[0].GetString().Should().Be("GET");
            mapping.GetProperty("Request").GetProperty("Params").EnumerateArray().Select(p => p.GetProperty("Name").GetString()).Should().Equal("fields[account]");
            mapping.GetProperty("Response").GetProperty("StatusCode").GetInt32().Should().Be(200);
            JsonDocument.Parse(mapping.GetProperty("Response").GetProperty("Body").GetString()!).RootElement.GetProperty("data")[0].GetProperty("type").GetString().Should().Be("account");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
