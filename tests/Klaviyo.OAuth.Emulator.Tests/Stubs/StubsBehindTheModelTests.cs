using System.Diagnostics;
using System.Net;
using Klaviyo.OAuth.Emulator.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// WireMock stubs added with the emulator's fluent <see cref="KlaviyoEmulator.Given"/>, reached
/// through HTTP: behind the model's own paths and its OAuth checks, in front of its generated data.
/// </summary>
public class StubsBehindTheModelTests
{
    private const string Campaigns = """{"data":[{"type":"campaign","id":"c-1"}]}""";

    private KlaviyoEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _emulator = KlaviyoEmulator.Start();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true);
        _emulator.Given(Request.Create().WithPath("/api/campaigns/").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Campaigns));
        _emulator.Given(Request.Create().WithPath("/api/metric-aggregates/").UsingPost()).RespondWith(Response.Create().WithBody("""{"data":{"type":"metric-aggregate"}}"""));
        _emulator.Given(Request.Create().WithPath("/api/profiles/").UsingGet()).RespondWith(Response.Create().WithBody("""{"data":[{"type":"profile","id":"fixture"}]}"""));
        _emulator.Given(Request.Create().WithPath("/oauth/token")).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"access_token":"stolen"}"""));
        _emulator.Given(Request.Create().WithPath("/api/slow/")).RespondWith(Response.Create().WithBody("late").WithDelay(TimeSpan.FromMilliseconds(400)));
        _emulator.Given(Request.Create().WithPath("/api/broken/")).RespondWith(Response.Create().WithBody("whole body").WithFault(FaultType.EMPTY_RESPONSE));
        _emulator.Given(Request.Create().WithPath("/status")).RespondWith(Response.Create().WithBody("stubbed outside /api/"));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    [Test]
    public async Task A_stub_never_answers_a_request_without_a_bearer_token()
    {
        using var response = await _http.GetAsync(new Uri(_emulator.ApiBaseUrl, "api/campaigns/"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not_authenticated").And.NotContain("c-1");
    }

    [Test]
    public async Task A_stub_answers_a_token_with_the_endpoints_scope_and_refuses_one_without_it()
    {
        var reader = await OwnEmulator.AccessToken(_emulator, "campaigns:read");
        var other = await OwnEmulator.AccessToken(_emulator, "lists:read");

        using var allowed = await OwnEmulator.Send(_emulator, _http, reader, "api/campaigns/");
        using var refused = await OwnEmulator.Send(_emulator, _http, other, "api/campaigns/");
        using var noRevision = await OwnEmulator.Send(_emulator, _http, reader, "api/campaigns/", revision: null);

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await allowed.Content.ReadAsStringAsync()).Should().Be(Campaigns);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("campaigns:read");
        noRevision.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Metric_aggregates_need_metrics_read_as_Klaviyos_openapi_says_not_the_path_convention()
    {
        var metrics = await OwnEmulator.AccessToken(_emulator, "metrics:read");
        var conventional = await OwnEmulator.AccessToken(_emulator, "metric-aggregates:write");

        using var allowed = await Post(metrics, "api/metric-aggregates/");
        using var refused = await Post(conventional, "api/metric-aggregates/");

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_stub_replaces_the_models_data_and_paths_without_a_stub_keep_the_model()
    {
        var token = await OwnEmulator.AccessToken(_emulator, "profiles:read lists:read");

        var profiles = await OwnEmulator.Get(_emulator, _http, token, "api/profiles/", Scenario.Revision);
        var lists = await OwnEmulator.Get(_emulator, _http, token, "api/lists/", Scenario.Revision);

        profiles.GetProperty("data")[0].GetProperty("id").GetString().Should().Be("fixture");
        lists.GetProperty("data").GetArrayLength().Should().BeGreaterThan(0);
        lists.GetProperty("data")[0].GetProperty("type").GetString().Should().Be("list", "no stub matches /api/lists/, so the model answers");
    }

    [Test]
    public async Task The_models_own_paths_cannot_be_shadowed_by_a_stub()
    {
        using var response = await _http.PostAsync(new Uri(_emulator.ApiBaseUrl, "oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token" }));

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("stolen");
    }

    [Test]
    public async Task Delays_and_faults_work_on_stubs_behind_the_oauth_checks()
    {
        var token = await OwnEmulator.AccessToken(_emulator, "slow:read broken:read");
        var clock = Stopwatch.StartNew();

        using var slow = await OwnEmulator.Send(_emulator, _http, token, "api/slow/");
        var elapsed = clock.Elapsed;
        using var broken = await OwnEmulator.Send(_emulator, _http, token, "api/broken/");

        (await slow.Content.ReadAsStringAsync()).Should().Be("late");
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        (await broken.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Outside_api_a_stub_answers_and_an_unstubbed_path_gets_the_models_404()
    {
        using var stubbed = await _http.GetAsync(new Uri(_emulator.ApiBaseUrl, "status"));
        using var unstubbed = await _http.GetAsync(new Uri(_emulator.ApiBaseUrl, "nothing-here"));

        (await stubbed.Content.ReadAsStringAsync()).Should().Be("stubbed outside /api/");
        unstubbed.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unstubbed.Content.ReadAsStringAsync()).Should().Contain("not_found").And.NotContain("No matching mapping");
    }

    [Test]
    public async Task Stubbed_requests_are_journaled_for_the_app_of_their_token()
    {
        var token = await OwnEmulator.AccessToken(_emulator, "campaigns:read");
        using var response = await OwnEmulator.Send(_emulator, _http, token, "api/campaigns/?page=journal");

        var entry = _emulator.Journal.Last(e => e.Path.Contains("page=journal", StringComparison.Ordinal));
        entry.Status.Should().Be(200);
        entry.ClientId.Should().NotBeNullOrEmpty();
    }

    private async Task<HttpResponseMessage> Post(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.ApiBaseUrl, path)) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.Add("revision", Scenario.Revision);
        return await _http.SendAsync(request);
    }
}
