using System.Net;
using Klaviyo.OAuth.Emulator.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// A user's stub in front of an upstream (a second emulator standing in for Klaviyo): it answers
/// only a request whose bearer token the proxy saw the upstream issue, unexpired and unrevoked,
/// with the stub's scope and a revision header; every other request goes past the stubs and the
/// upstream answers it, receiving the path and query exactly as they were sent. One upstream and
/// proxy for every test here; <see cref="StubsInProxyModeOwnWorldTests"/> has the tests that need their own.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class StubsInProxyModeTests
{
    internal const string Campaigns = """{"data":[{"type":"campaign","id":"stubbed-campaign"}]}""";

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
