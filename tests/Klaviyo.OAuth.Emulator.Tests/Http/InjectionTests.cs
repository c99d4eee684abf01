using System.Net;
using System.Text.Json;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// Injected behaviours: the next N requests of a kind get a documented answer, the same one the
/// model gives, for one app (on the shared emulator) or any (on an emulator of the test's own).
/// </summary>
[Parallelizable(ParallelScope.All)]
public class InjectionTests
{
    [Test]
    public void Every_documented_error_behaviour_is_injectable()
    {
        var injectable = KlaviyoEmulator.InjectableBehaviours.Values.SelectMany(ids => ids).ToList();

        var documented = BehaviourCatalogue.All.Where(b => b.Level == RequirementLevel.Documented).Select(b => b.Id);

        injectable.Should().Contain(documented).And.Contain(["api.throttled", "api.no-valid-revision"]).And.OnlyHaveUniqueItems();
    }

    [Test]
    public async Task An_injected_refusal_answers_the_next_N_refresh_grants_of_the_app_as_the_model_would()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        var revoked = new Scenario();
        var (_, revokedToken) = await revoked.ObtainTokens();
        (await revoked.Revoke("token=" + revokedToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var modelAnswer = await revoked.Token(Scenario.RefreshBody(revokedToken));

        await Inject($$"""{"behaviour":"token.refresh.revoked","times":2,"clientId":"{{scenario.Client.ClientId}}"}""", HttpStatusCode.Created);
        using var first = await scenario.Token(Scenario.RefreshBody(refreshToken));
        using var second = await scenario.Token(Scenario.RefreshBody(refreshToken));
        using var third = await scenario.Token(Scenario.RefreshBody(refreshToken));

        foreach (var injected in new[] { first, second })
        {
            await injected.ShouldBe(modelAnswer.StatusCode, await modelAnswer.Content.ReadAsStringAsync());
            (injected.Header("Content-Type"), injected.Header("Cache-Control"), injected.Header("Pragma"))
                .Should().Be((modelAnswer.Header("Content-Type"), "no-store", "no-cache"));
        }

        third.StatusCode.Should().Be(HttpStatusCode.OK);
        Scenario.Emulator.Journal.Single(e => e.RequestId == first.Header("X-Request-Id")).ClientId.Should().Be(scenario.Client.ClientId);
    }

    [Test]
    public async Task A_behaviour_waits_for_the_kind_of_request_it_documents()
    {
        var scenario = new Scenario();
        await Inject($$"""{"behaviour":"token.refresh.rate-limited","clientId":"{{scenario.Client.ClientId}}"}""", HttpStatusCode.Created);

        var (accessToken, refreshToken) = await scenario.ObtainTokens();
        using var api = await Scenario.CallApi("Bearer " + accessToken);
        using var limited = await scenario.Token(Scenario.RefreshBody(refreshToken));

        api.StatusCode.Should().Be(HttpStatusCode.OK);
        await limited.ShouldBe(HttpStatusCode.TooManyRequests, """{"error":"rate_limit_exceeded","error_description":"Rate limit exceeded for refresh token. Please try again after 1 minute."}""");
        limited.Header("Retry-After").Should().Be("60");
    }

    [Test]
    public async Task An_API_call_belongs_to_the_app_its_token_was_issued_to()
    {
        var scenario = new Scenario();
        var other = new Scenario();
        var (token, _) = await scenario.ObtainTokens();
        var (otherToken, _) = await other.ObtainTokens();
        await Inject($$"""{"behaviour":"api.throttled","clientId":"{{scenario.Client.ClientId}}"}""", HttpStatusCode.Created);

        using var otherCall = await Scenario.CallApi("Bearer " + otherToken);
        using var throttled = await Scenario.CallApi("Bearer " + token);
        using var next = await Scenario.CallApi("Bearer " + token);

        otherCall.StatusCode.Should().Be(HttpStatusCode.OK);
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Header("Retry-After").Should().Be("1");
        var error = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        (error.GetProperty("code").GetString(), error.GetProperty("detail").GetString()).Should().Be(("throttled", "Request was throttled. Expected available in 1 second."));
        next.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Code_exchanges_revocations_and_the_web_host_get_their_own_behaviours()
    {
        var scenario = new Scenario();
        var clientId = scenario.Client.ClientId;
        await Inject($$"""{"behaviour":"token.pkce.challenge-failed","clientId":"{{clientId}}"}""", HttpStatusCode.Created);
        await Inject($$"""{"behaviour":"revoke.wrong-host","clientId":"{{clientId}}"}""", HttpStatusCode.Created);
        await Inject($$"""{"behaviour":"authorize.role-denied","clientId":"{{clientId}}"}""", HttpStatusCode.Created);

        using var denied = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + scenario.AuthorizeQuery()), cookie: scenario.Cookie);
        using var exchange = await scenario.Token(Scenario.CodeExchangeBody(await scenario.Approve()));
        using var revoke = await scenario.Revoke("token=anything");

        await denied.ShouldBe(HttpStatusCode.Forbidden, string.Empty);
        await exchange.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Code challenge failed."}""");
        revoke.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await revoke.Content.ReadAsStringAsync()).Should().Contain("The request could not be satisfied.");
    }

    [Test]
    public async Task The_control_API_lists_what_is_pending_and_what_can_be_injected_and_refuses_unknown_ids()
    {
        var clientId = new Scenario().Client.ClientId;
        await Inject($$"""{"behaviour":"token.unavailable","times":3,"clientId":"{{clientId}}"}""", HttpStatusCode.Created);

        using var list = await Scenario.Send(HttpMethod.Get, Scenario.Api("__control/inject"));
        var unknown = await Inject("""{"behaviour":"token.refresh.sleepy"}""", HttpStatusCode.BadRequest);
        var badTimes = await Inject("""{"behaviour":"api.unavailable","times":0}""", HttpStatusCode.BadRequest);

        var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        listed.GetProperty("pending").EnumerateArray().Should().ContainSingle(p => p.GetProperty("clientId").GetString() == clientId)
            .Which.GetProperty("remaining").GetInt32().Should().Be(3);
        listed.GetProperty("injectable").GetProperty("api").EnumerateArray().Select(e => e.GetString()).Should().Contain(["token.refresh.revoked", "api.throttled"]);
        listed.GetProperty("injectable").GetProperty("web").EnumerateArray().Select(e => e.GetString()).Should().Contain("authorize.unavailable");
        unknown.GetProperty("error").GetString().Should().Contain("token.refresh.sleepy");
        unknown.GetProperty("injectable").GetProperty("api").EnumerateArray().Select(e => e.GetString()).Should().Contain("token.refresh.revoked");
        badTimes.GetProperty("error").GetString().Should().Contain("times");
        using var dropped = await Scenario.Send(HttpMethod.Delete, Scenario.Api("__control/inject?clientId=" + clientId));
        await dropped.ShouldBe(HttpStatusCode.OK, """{"dropped":1}""");
    }

    [Test]
    public async Task Without_a_client_id_the_next_request_of_any_app_gets_it()
    {
        using var emulator = KlaviyoEmulator.Start();
        using var http = new HttpClient();
        emulator.Inject("api.unavailable");

        using var unavailable = await http.GetAsync(new Uri(emulator.ApiBaseUrl, "api/profiles/"));
        using var next = await http.GetAsync(new Uri(emulator.ApiBaseUrl, "api/profiles/"));

        unavailable.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        next.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        emulator.PendingInjections.Should().BeEmpty();
        FluentActions.Invoking(() => emulator.Inject("nope")).Should().Throw<ArgumentException>().WithMessage("*token.refresh.revoked*");
    }

    private static async Task<JsonElement> Inject(string body, HttpStatusCode expected)
    {
        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Api("__control/inject"), body: body, contentType: "application/json");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
