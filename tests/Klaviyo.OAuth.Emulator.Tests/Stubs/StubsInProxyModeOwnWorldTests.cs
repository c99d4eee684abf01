using System.Net;
using Klaviyo.OAuth.Emulator.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// Stubs in proxy mode, each test with its own upstream and proxy: a token's expiry on the proxy's
/// clock, injection and diagnosis on both routes, /oauth/ out of the stubs' reach, the priority the
/// proxy keeps, recording, and an admin API reset.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class StubsInProxyModeOwnWorldTests
{
    private const string Campaigns = StubsInProxyModeTests.Campaigns;

    [Test]
    public async Task Once_the_proxys_clock_passes_the_tokens_expires_in_it_goes_to_the_upstream()
    {
        using var world = new ProxiedWorld();
        world.Proxy.Given(Request.Create().WithPath("/api/campaigns/").UsingGet()).RespondWith(Response.Create().WithBody(Campaigns));
        var (accessToken, _) = await world.ObtainTokens("campaigns:read");
        using var fresh = await world.Get("api/campaigns/?case=fresh", accessToken);

        world.Proxy.AdvanceClock(TimeSpan.FromDays(1));
        using var expired = await world.Get("api/campaigns/?case=expired", accessToken);

        (await fresh.Content.ReadAsStringAsync()).Should().Be(Campaigns);
        (await expired.Content.ReadAsStringAsync()).Should().NotContain("stubbed-campaign");
        world.Upstream.Journal.Select(e => e.Path).Should().Contain("/api/campaigns/?case=expired").And.NotContain("/api/campaigns/?case=fresh");
    }

    [Test]
    public async Task Injected_answers_come_before_either_route_and_the_upstreams_refusals_are_diagnosed()
    {
        using var world = new ProxiedWorld();
        world.Proxy.Given(Request.Create().WithPath("/api/campaigns/").UsingGet()).RespondWith(Response.Create().WithBody(Campaigns));
        var (accessToken, _) = await world.ObtainTokens("campaigns:read");
        world.Proxy.Inject("api.throttled", times: 2, clientId: world.Client.ClientId);

        using var stubRoute = await world.Get("api/campaigns/?case=injected-stub", accessToken);
        using var pastStubs = await world.Get("api/campaigns/?case=injected-past", accessToken, revision: null);
        using var anonymous = await world.Get("api/campaigns/?case=diagnosed", accessToken: null);

        stubRoute.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        pastStubs.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        world.Upstream.Journal.Select(e => e.Path).Should().NotContain(p => p.Contains("injected", StringComparison.Ordinal));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        world.Proxy.Journal.Single(e => e.Path == "/api/campaigns/?case=diagnosed").Findings.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Resetting_the_mappings_through_the_admin_API_removes_the_stubs_and_keeps_the_proxy()
    {
        using var world = new ProxiedWorld();
        using var admin = new HttpClient();
        var (accessToken, _) = await world.ObtainTokens("campaigns:read accounts:read");
        using var added = await admin.PostAsync(
            new Uri(world.Proxy.ApiBaseUrl, "__admin/mappings"),
            new StringContent("""{"Request":{"Path":"/api/campaigns/","Methods":["GET"]},"Response":{"StatusCode":200,"Body":"stubbed-campaign"}}""", System.Text.Encoding.UTF8, "application/json"));
        using var stubbed = await world.Get("api/campaigns/?case=before-reset", accessToken);

        using var reset = await admin.DeleteAsync(new Uri(world.Proxy.ApiBaseUrl, "__admin/mappings"));
        using var afterReset = await world.Get("api/campaigns/?case=after-reset", accessToken);
        using var pastStubs = await world.Get("api/accounts/?case=after-reset", accessToken: null);
        using var slash = await world.Get("api/accounts/?case=after-reset-through", accessToken);

        added.IsSuccessStatusCode.Should().BeTrue();
        (await stubbed.Content.ReadAsStringAsync()).Should().Be("stubbed-campaign");
        reset.IsSuccessStatusCode.Should().BeTrue();
        (await afterReset.Content.ReadAsStringAsync()).Should().NotContain("stubbed-campaign").And.NotContain("No matching mapping");
        world.Upstream.Journal.Select(e => e.Path).Should().Contain(["/api/campaigns/?case=after-reset", "/api/accounts/?case=after-reset", "/api/accounts/?case=after-reset-through"]);
        pastStubs.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        slash.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task No_stub_answers_oauth_in_proxy_mode_so_no_stub_can_issue_a_token_the_proxy_trusts()
    {
        using var world = new ProxiedWorld();
        world.Proxy.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/oauth/*")))
            .RespondWith(Response.Create().WithBody("""{"access_token":"from-a-stub","refresh_token":"r","token_type":"Bearer","expires_in":3600,"scope":"campaigns:read"}"""));

        var (accessToken, _) = await world.ObtainTokens("accounts:read");

        accessToken.Should().NotBe("from-a-stub");
        world.Upstream.Journal.Should().Contain(e => e.Path == "/oauth/token" && e.Status == 200);
    }

    [Test]
    public async Task A_stub_at_the_proxys_own_priority_stops_requests_past_the_stubs_with_a_502_naming_it()
    {
        using var world = new ProxiedWorld();
        world.Proxy.Given(Request.Create().WithPath("/api/*")).AtPriority(int.MinValue).RespondWith(Response.Create().WithBody("outranking"));

        using var response = await world.Get("api/campaigns/", accessToken: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("stub_outranks_proxy").And.NotContain("outranking");
        world.Upstream.Journal.Should().NotContain(e => e.Path.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Test]
    public void A_mapping_file_at_the_proxys_own_priority_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("reserved-priority-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "first.json"), """{ "Priority": -2147483648, "Request": { "Path": "/api/lists/" }, "Response": { "StatusCode": 200 } }""");
            var refused = () => KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = folder.FullName });
            refused.Should().Throw<ArgumentException>().WithMessage("*first.json*-2147483648*proxy*");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Recording_records_the_upstreams_answers_past_the_stubs_and_after_them()
    {
        var folder = Directory.CreateTempSubdirectory("recorded-past-stubs-");
        try
        {
            using var world = new ProxiedWorld(folder.FullName);
            world.Proxy.Given(Request.Create().WithPath("/api/accounts/").UsingGet())
                .WithData(new { klaviyo = new { scope = "reports:read" } })
                .RespondWith(Response.Create().WithBody("""{"data":[{"type":"account","id":"stubbed-account"}]}"""));
            var (accessToken, _) = await world.ObtainTokens("accounts:read profiles:read");

            using var past = await world.CallApi(accessToken, "api/accounts/");
            using var through = await world.CallApi(accessToken, "api/profiles/?page%5Bsize%5D=1");

            past.StatusCode.Should().Be(HttpStatusCode.OK);
            (await past.Content.ReadAsStringAsync()).Should().NotContain("stubbed-account", "the token lacks the stub's reports:read");
            through.StatusCode.Should().Be(HttpStatusCode.OK);
            world.Upstream.Journal.Select(e => e.Path).Should().Contain(["/api/accounts/", "/api/profiles/?page%5Bsize%5D=1"]);
            folder.GetFiles("*.json").Select(f => f.Name).Should().HaveCount(2).And.Contain(name => name.StartsWith("get-api-accounts", StringComparison.Ordinal));
            world.Proxy.Journal.Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal)).Should().OnlyContain(e => e.ClientId == world.Client.ClientId);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
