using System.Net;
using Klaviyo.OAuth.Emulator.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// A user's stub in front of an upstream (a second emulator standing in for Klaviyo): it answers
/// only a request whose bearer token the proxy saw the upstream issue, unexpired and unrevoked,
/// with the stub's scope and a revision header; every other request goes past the stubs and the
/// upstream answers it, receiving the path and query exactly as they were sent.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class StubsInProxyModeTests
{
    private const string Campaigns = """{"data":[{"type":"campaign","id":"stubbed-campaign"}]}""";

    private ProxiedWorld _world = null!;
    private string _reader = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _world = new ProxiedWorld();
        _world.Proxy.Given(Request.Create().WithPath("/api/campaigns/").UsingGet())
            .WithData(new { klaviyo = new { scope = "campaigns:read" } })
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Campaigns));
        (_reader, _) = await _world.ObtainTokens("campaigns:read accounts:read");
    }

    [OneTimeTearDown]
    public void Stop() => _world.Dispose();

    [Test]
    public async Task A_token_seen_issued_with_the_stubs_scope_gets_the_stub_and_the_upstream_never_sees_the_call()
    {
        using var response = await _world.Get("api/campaigns/?case=allowed", _reader);

        (await response.Content.ReadAsStringAsync()).Should().Be(Campaigns);
        ReachedUpstream("/api/campaigns/?case=allowed").Should().BeFalse();
        _world.Proxy.Journal.Should().Contain(e => e.Path == "/api/campaigns/?case=allowed" && e.Status == 200 && e.ClientId == _world.Client.ClientId);
    }

    [Test]
    public async Task Without_a_token_the_upstream_answers_401_not_the_stub()
    {
        using var response = await _world.Get("api/campaigns/?case=anonymous", accessToken: null);

        await ShouldBeTheUpstreams(response, "/api/campaigns/?case=anonymous", HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_the_upstream_never_issued_gets_the_upstreams_401()
    {
        using var response = await _world.Get("api/campaigns/?case=forged", "forged-token-the-upstream-never-issued");

        await ShouldBeTheUpstreams(response, "/api/campaigns/?case=forged", HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_without_the_stubs_scope_goes_to_the_upstream()
    {
        var (accountsOnly, _) = await _world.ObtainTokens("accounts:read");

        using var response = await _world.Get("api/campaigns/?case=no-scope", accountsOnly);

        await ShouldBeTheUpstreams(response, "/api/campaigns/?case=no-scope");
    }

    [Test]
    public async Task A_request_without_a_revision_goes_to_the_upstream()
    {
        using var response = await _world.Get("api/campaigns/?case=no-revision", _reader, revision: null);

        await ShouldBeTheUpstreams(response, "/api/campaigns/?case=no-revision", HttpStatusCode.BadRequest);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task After_a_revocation_through_the_proxy_a_token_goes_to_the_upstream_which_refuses_it(bool revokeTheRefreshToken)
    {
        var (accessToken, refreshToken) = await _world.ObtainTokens("campaigns:read");
        var path = $"api/campaigns/?case=revoked-{revokeTheRefreshToken}";
        using var before = await _world.Get(path + "-before", accessToken);
        using var revoked = await _world.Revoke(revokeTheRefreshToken ? refreshToken : accessToken);

        using var after = await _world.Get(path, accessToken);

        (await before.Content.ReadAsStringAsync()).Should().Be(Campaigns);
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeTheUpstreams(after, "/" + path, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Another_apps_revocation_of_the_token_changes_nothing()
    {
        var (accessToken, _) = await _world.ObtainTokens("campaigns:read");
        var other = _world.Upstream.RegisterClient([Scenario.RedirectUri]);
        using var ignored = await _world.Revoke(accessToken, other);

        using var response = await _world.Get("api/campaigns/?case=other-app-revoked", accessToken);

        ignored.StatusCode.Should().Be(HttpStatusCode.OK, "a server ignores a revocation of another app's token");
        (await response.Content.ReadAsStringAsync()).Should().Be(Campaigns);
    }

    [Test]
    public async Task A_token_refreshed_through_the_proxy_reaches_the_stub_with_the_scope_of_its_answer()
    {
        var (_, refreshToken) = await _world.ObtainTokens("campaigns:read");
        using var refreshed = await _world.Refresh(refreshToken);
        var accessToken = System.Text.Json.JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        using var response = await _world.Get("api/campaigns/?case=refreshed", accessToken);

        (await response.Content.ReadAsStringAsync()).Should().Be(Campaigns);
        ReachedUpstream("/api/campaigns/?case=refreshed").Should().BeFalse();
    }

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

    [TestCase("api/campaigns/", null)]
    [TestCase("api/campaigns/?page%5Bsize%5D=2&filter=equals(name,%22a%20b%22)", null)]
    [TestCase("api/campaigns", null)]
    [TestCase("api/campaigns?page%5Bsize%5D=2&x=", null)]
    [TestCase("api/accounts/", "reader")]
    [TestCase("api/accounts/?fields%5Baccount%5D=timezone&x=1", "reader")]
    [TestCase("api/accounts", "reader")]
    [TestCase("api/accounts?fields%5Baccount%5D=timezone", "reader")]
    public async Task The_upstream_receives_the_path_and_query_as_sent_past_the_stubs_and_after_them(string pathAndQuery, string? token)
    {
        // Without a token the request goes past the stubs; with the reader's, through them (no stub for /api/accounts).
        var unique = pathAndQuery + (pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "n=" + Guid.NewGuid().ToString("N");
        using var response = await _world.Get(unique, token is null ? null : _reader);

        var sent = _world.Proxy.Journal.Single(e => e.Path == "/" + unique);
        var received = _world.Upstream.Journal.Single(e => e.Path == "/" + unique);
        ((int)response.StatusCode).Should().Be(token is null ? 401 : 200);
        new Uri(received.Exchange!.Url).PathAndQuery.Should().Be(new Uri(sent.Exchange!.Url).PathAndQuery);
        new Uri(received.Exchange.Url).PathAndQuery.Should().NotContain("__emulator");
    }

    [TestCase("/api/campaigns/", false)]
    [TestCase("/api/campaigns", false)]
    [TestCase("/api/accounts/", true)]
    [TestCase("/api/accounts", true)]
    public async Task Without_a_query_the_upstream_receives_the_path_as_sent(string path, bool throughTheStubs)
    {
        var before = _world.Upstream.Journal.Count(e => e.Path == path);

        using var response = await _world.Get(path[1..], throughTheStubs ? _reader : null);

        _world.Upstream.Journal.Where(e => e.Path == path).Should().HaveCount(before + 1)
            .And.OnlyContain(e => new Uri(e.Exchange!.Url).PathAndQuery == path);
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

    private bool ReachedUpstream(string pathAndQuery) => _world.Upstream.Journal.Any(e => e.Path == pathAndQuery);

    private async Task ShouldBeTheUpstreams(HttpResponseMessage response, string pathAndQuery, HttpStatusCode? status = null)
    {
        (await response.Content.ReadAsStringAsync()).Should().NotContain("stubbed-campaign");
        ReachedUpstream(pathAndQuery).Should().BeTrue("the upstream, not the stub, answers this request");
        if (status is { } expected)
        {
            response.StatusCode.Should().Be(expected);
        }

        _world.Proxy.Journal.Should().Contain(e => e.Path == pathAndQuery && e.Outcome.Contains("WireMock", StringComparison.Ordinal));
    }
}
