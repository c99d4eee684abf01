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

    /// <summary>An upstream emulator with an app and a signed-in owner, and an emulator proxying both hosts to it.</summary>
    private sealed class ProxiedWorld : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        private readonly SignedInSession _session;

        public ProxiedWorld(string? recordTo = null)
        {
            Upstream = KlaviyoEmulator.Start();
            Proxy = KlaviyoEmulator.Start(new EmulatorOptions
            {
                UpstreamApiUrl = Upstream.ApiBaseUrl.AbsoluteUri,
                UpstreamWebUrl = Upstream.WebBaseUrl.AbsoluteUri,
                RecordDirectory = recordTo,
            });
            Client = Upstream.RegisterClient([Scenario.RedirectUri]);
            _session = Upstream.SignIn(Upstream.CreateUser(Upstream.CreateAccount(allowlisted: true), UserRole.Owner));
        }

        public KlaviyoEmulator Upstream { get; }

        public KlaviyoEmulator Proxy { get; }

        public EmulatedClient Client { get; }

        public async Task<(string AccessToken, string RefreshToken)> ObtainTokens()
        {
            var query = $"response_type=code&client_id={Client.ClientId}&redirect_uri={Uri.EscapeDataString(Scenario.RedirectUri)}&scope=accounts%3Aread"
                + $"&state=st&code_challenge_method=S256&code_challenge={Scenario.Challenge}&decision=allow";
            using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(Proxy.WebBaseUrl, "oauth/authorize"))
            {
                Content = new StringContent(query, System.Text.Encoding.UTF8, Scenario.Form),
            };
            approve.Headers.Add("Cookie", $"{_session.CookieName}={_session.CookieValue}");
            using var approval = await _http.SendAsync(approve);
            approval.StatusCode.Should().Be(HttpStatusCode.Found);
            var code = Uri.UnescapeDataString(approval.Headers.Location!.Query.Split("code=")[1].Split('&')[0]);
            using var exchange = await Token(Scenario.CodeExchangeBody(code));
            exchange.StatusCode.Should().Be(HttpStatusCode.OK);
            var json = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync()).RootElement;
            return (json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!);
        }

        public Task<HttpResponseMessage> Refresh(string refreshToken) => Token(Scenario.RefreshBody(refreshToken));

        public async Task<HttpResponseMessage> CallApi(string accessToken, string path = "api/accounts/")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Proxy.ApiBaseUrl, path));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
            request.Headers.Add("revision", Scenario.Revision);
            return await _http.SendAsync(request);
        }

        public void Dispose()
        {
            _http.Dispose();
            Proxy.Dispose();
            Upstream.Dispose();
        }

        private async Task<HttpResponseMessage> Token(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Proxy.ApiBaseUrl, "oauth/token"))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, Scenario.Form),
            };
            request.Headers.TryAddWithoutValidation("Authorization", Scenario.BasicOf(Client.ClientId, Client.ClientSecret));
            return await _http.SendAsync(request);
        }
    }
}
