using System.Net;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>POST /__control/provisions: a scenario's app and signed-in user in one control call.</summary>
[Parallelizable(ParallelScope.All)]
public class ControlProvisioningTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Provision(string body)
    {
        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Api("__control/provisions"), body: body, contentType: "application/json");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Test]
    public async Task One_call_registers_an_app_and_signs_in_a_user_of_a_new_account()
    {
        var (status, body) = await Provision("""{"client":{"redirectUris":["http://127.0.0.1/callback"]},"user":{"role":"admin","allowlisted":true}}""");

        status.Should().Be(HttpStatusCode.Created, body.GetRawText());
        var client = body.GetProperty("client");
        var user = body.GetProperty("user");
        client.GetProperty("redirectUris")[0].GetString().Should().Be("http://127.0.0.1/callback");
        user.GetProperty("accountId").GetString().Should().NotBeNullOrEmpty();
        var cookie = $"{user.GetProperty("cookieName").GetString()}={user.GetProperty("cookieValue").GetString()}";
        using (var page = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/client"), cookie: cookie))
        {
            page.StatusCode.Should().Be(HttpStatusCode.OK, "an admin of an allowlisted account sees the client page");
        }

        var basic = Scenario.BasicOf(client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
        using var refresh = await Scenario.Send(HttpMethod.Post, Scenario.Api("oauth/token"), basic, Scenario.RefreshBody("never-issued"), "application/x-www-form-urlencoded");
        refresh.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the app authenticates; only the refresh token is unknown");
    }

    [Test]
    public async Task An_app_alone_or_a_user_alone_can_be_provisioned()
    {
        var (appStatus, app) = await Provision("""{"client":{}}""");
        var (userStatus, user) = await Provision("""{"user":{"role":"analyst"}}""");

        appStatus.Should().Be(HttpStatusCode.Created);
        app.GetProperty("user").ValueKind.Should().Be(JsonValueKind.Null);
        userStatus.Should().Be(HttpStatusCode.Created);
        user.GetProperty("client").ValueKind.Should().Be(JsonValueKind.Null);
        using var page = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/client"), cookie: $"kl_session={user.GetProperty("user").GetProperty("cookieValue").GetString()}");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound, "the account is not allowlisted unless asked, and an analyst never sees the page");
    }

    [TestCase("{}", "Name what to provision*")]
    [TestCase("""{"client":[]}""", "*\"client\" must be an object*")]
    [TestCase("""{"client":{},"user":{"role":"janitor"}}""", "*Unknown \"role\"*")]
    public async Task A_mistake_is_a_400_that_names_it(string body, string message)
    {
        var (status, answer) = await Provision(body);

        status.Should().Be(HttpStatusCode.BadRequest);
        answer.GetProperty("error").GetString().Should().Match(message);
    }
}
