using System.Net;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>An app's own tests put its refresh token in a situation over the control API, and the next refresh meets it.</summary>
[Parallelizable(ParallelScope.All)]
public class RefreshTokenSituationTests
{
    [TestCase("revoke", HttpStatusCode.BadRequest, "Refresh token has been revoked")]
    [TestCase("expire", HttpStatusCode.BadRequest, "Refresh token expired due to inactivity")]
    [TestCase("rate-limit", HttpStatusCode.TooManyRequests, "Rate limit exceeded")]
    public async Task The_next_refresh_meets_the_situation(string situation, HttpStatusCode status, string description)
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();

        using (var put = await Put(situation, refreshToken))
        {
            put.StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await put.Content.ReadAsStringAsync()).Should().BeEmpty();
        }

        using var refresh = await scenario.Token(Scenario.RefreshBody(refreshToken), scenario.Basic);
        refresh.StatusCode.Should().Be(status);
        (await refresh.Content.ReadAsStringAsync()).Should().Contain(description);
    }

    [Test]
    public async Task A_rate_limited_token_works_again_a_minute_later()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        (await Put("rate-limit", refreshToken)).Dispose();

        Scenario.Emulator.AdvanceClock(TimeSpan.FromSeconds(60), scenario.Client.ClientId);

        using var refresh = await scenario.Token(Scenario.RefreshBody(refreshToken), scenario.Basic);
        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_unknown_token_is_404_and_is_never_echoed()
    {
        const string token = "klr_not-a-token-the-emulator-issued";

        using var response = await Put("revoke", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("No such refresh token").And.NotContain(token);
        Scenario.Emulator.Journal.Should().NotContain(e => e.Outcome.Contains(token) || e.Path.Contains(token));
    }

    [TestCase("revoke", "{}", HttpStatusCode.BadRequest)]
    [TestCase("forget", """{"refreshToken":"x"}""", HttpStatusCode.NotFound)]
    public async Task Bad_input_gets_one_clear_message(string situation, string body, HttpStatusCode status)
    {
        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Api("__control/refresh-tokens/" + situation), body: body, contentType: "application/json");

        response.StatusCode.Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().StartWith("{\"error\":");
    }

    private static Task<HttpResponseMessage> Put(string situation, string refreshToken) =>
        Scenario.Send(HttpMethod.Post, Scenario.Api("__control/refresh-tokens/" + situation), body: $$"""{"refreshToken":"{{refreshToken}}"}""", contentType: "application/json");
}
