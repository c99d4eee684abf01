using System.Net;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

[Parallelizable(ParallelScope.All)]
public class ControlApiTests
{
    private static async Task<JsonElement> Post(string path, string body, HttpStatusCode expected)
    {
        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Api("__control/" + path), body: body, contentType: "application/json");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Test]
    public async Task The_control_root_lists_its_capabilities()
    {
        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Api("__control/"));

        await response.ShouldBe(HttpStatusCode.OK, """{"capabilities":["clients","accounts","users","sessions","uninstall","clock","outages","journal","refresh-tokens","inject"]}""");
    }

    [Test]
    public async Task A_whole_flow_can_be_set_up_over_the_control_API()
    {
        var client = await Post("clients", """{"redirectUris":["http://127.0.0.1/callback"]}""", HttpStatusCode.Created);
        var account = await Post("accounts", """{"allowlisted":true}""", HttpStatusCode.Created);
        var user = await Post("users", $$"""{"accountId":"{{account.GetProperty("accountId").GetString()}}","role":"campaign_coordinator"}""", HttpStatusCode.Created);
        var session = await Post("sessions", $$"""{"userId":"{{user.GetProperty("userId").GetString()}}"}""", HttpStatusCode.Created);
        var clientId = client.GetProperty("clientId").GetString();

        client.GetProperty("clientSecret").GetString().Should().NotBeNullOrEmpty();
        session.GetProperty("cookieName").GetString().Should().Be("kl_session");
        await Post($"clients/{clientId}/uninstall", "{}", HttpStatusCode.NoContent);
        var now = await Post("clock/advance", $$"""{"seconds":60,"clientId":"{{clientId}}"}""", HttpStatusCode.OK);
        DateTimeOffset.Parse(now.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddSeconds(60), TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task An_outage_can_be_switched_on_and_off_over_the_control_API()
    {
        var scenario = new Scenario();
        using (var put = await Scenario.Send(HttpMethod.Put, Scenario.Api("__control/outages/token"), body: $$"""{"clientId":"{{scenario.Client.ClientId}}"}""", contentType: "application/json"))
        {
            put.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await scenario.Token("grant_type=refresh_token&refresh_token=x")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        using (var delete = await Scenario.Send(HttpMethod.Delete, Scenario.Api("__control/outages/token?clientId=" + scenario.Client.ClientId)))
        {
            delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await scenario.Token("grant_type=refresh_token&refresh_token=x")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_journal_shows_recent_requests_with_secrets_redacted()
    {
        var scenario = new Scenario();
        await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?code=secret-code-value&" + scenario.AuthorizeQuery()), cookie: scenario.Cookie);

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Api("__control/journal?limit=1000"));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().Contain("code=[REDACTED]").And.NotContain("secret-code-value");
        text.Should().NotContain(scenario.Client.ClientSecret).And.NotContain(scenario.Session.CookieValue);
    }

    [TestCase("users", """{"accountId":"acc_missing","role":"owner"}""", HttpStatusCode.NotFound)]
    [TestCase("sessions", """{"userId":"usr_missing"}""", HttpStatusCode.NotFound)]
    [TestCase("clients/missing/uninstall", "{}", HttpStatusCode.NotFound)]
    [TestCase("users", """{"accountId":"x","role":"boss"}""", HttpStatusCode.BadRequest)]
    [TestCase("accounts", """{"allowlisted":"yes"}""", HttpStatusCode.BadRequest)]
    [TestCase("clock/advance", """{"seconds":-5}""", HttpStatusCode.BadRequest)]
    [TestCase("clock/advance", "not json", HttpStatusCode.BadRequest)]
    [TestCase("clients", """{"redirectUris":["not a uri"]}""", HttpStatusCode.BadRequest)]
    public async Task Bad_control_input_is_a_4xx_with_an_error_message(string path, string body, HttpStatusCode expected)
    {
        var error = await Post(path, body, expected);

        error.GetProperty("error").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task The_control_API_can_be_turned_off()
    {
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { EnableControlApi = false });

        using var response = await Scenario.Send(HttpMethod.Get, new Uri(emulator.ApiBaseUrl, "__control/"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
