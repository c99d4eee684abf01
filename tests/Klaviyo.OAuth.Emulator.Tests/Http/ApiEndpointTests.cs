using Klaviyo.OAuth.Guide;
using System.Net;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

[Parallelizable(ParallelScope.All)]
public class ApiEndpointTests
{
    [Test]
    public async Task A_valid_access_token_lists_the_account()
    {
        var scenario = new Scenario();
        var (accessToken, _) = await scenario.ObtainTokens();

        using var response = await Scenario.CallApi("Bearer " + accessToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().Be("application/vnd.api+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("data")[0];
        account.GetProperty("type").GetString().Should().Be("account");
        account.GetProperty("id").GetString().Should().Be(scenario.AccountId);
    }

    [TestCase("no-header")]
    [TestCase("no-prefix")]
    [TestCase("quoted")]
    [TestCase("trailing-character")]
    [TestCase("truncated")]
    public async Task A_wrongly_formatted_header_is_not_authenticated(string variant)
    {
        var (accessToken, _) = await new Scenario().ObtainTokens();
        var header = variant switch
        {
            "no-header" => null,
            "no-prefix" => accessToken,
            "quoted" => $"Bearer \"{accessToken}\"",
            "trailing-character" => $"Bearer {accessToken}x",
            _ => $"Bearer {accessToken[..^1]}",
        };

        using var response = await Scenario.CallApi(header);

        await ShouldBeJsonApi401(response, "not_authenticated", "Authentication credentials were not provided.");
    }

    [TestCase("unknown")]
    [TestCase("expired")]
    [TestCase("revoked")]
    public async Task A_well_formed_token_that_is_unknown_expired_or_revoked_fails_authentication(string variant)
    {
        var scenario = new Scenario();
        var (accessToken, refreshToken) = await scenario.ObtainTokens();
        switch (variant)
        {
            case "unknown":
                var parts = accessToken.Split('.');
                accessToken = $"{parts[0]}.{parts[1]}.{new string('Q', parts[2].Length - 1)}A";
                break;
            case "expired":
                Scenario.Emulator.AdvanceClock(TimeSpan.FromHours(1), scenario.Client.ClientId);
                break;
            default:
                (await scenario.Revoke("token=" + refreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
                break;
        }

        using var response = await Scenario.CallApi("Bearer " + accessToken);

        await ShouldBeJsonApi401(response, "authentication_failed", "Incorrect authentication credentials.");
    }

    [Test]
    public async Task An_unknown_API_path_is_a_JSON_API_404()
    {
        var (accessToken, _) = await new Scenario().ObtainTokens();

        using var response = await Scenario.CallApi("Bearer " + accessToken, "api/nothing-here/");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("not_found");
    }

    [Test]
    public async Task The_API_is_unavailable_during_an_outage_for_that_clients_tokens()
    {
        var scenario = new Scenario();
        var (accessToken, _) = await scenario.ObtainTokens();
        Scenario.Emulator.StartOutage(EndpointFamily.Api, scenario.Client.ClientId);
        try
        {
            using var response = await Scenario.CallApi("Bearer " + accessToken);

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            response.Header("Content-Type").Should().Be("application/vnd.api+json");
        }
        finally
        {
            Scenario.Emulator.EndOutage(EndpointFamily.Api, scenario.Client.ClientId);
        }
    }

    private static async Task ShouldBeJsonApi401(HttpResponseMessage response, string code, string title)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Header("Content-Type").Should().Be("application/vnd.api+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("errors")[0];
        Guid.TryParse(error.GetProperty("id").GetString(), out _).Should().BeTrue();
        error.GetProperty("status").GetInt32().Should().Be(401);
        error.GetProperty("code").GetString().Should().Be(code);
        error.GetProperty("title").GetString().Should().Be(title);
        error.GetProperty("source").GetProperty("pointer").GetString().Should().Be("/data/");
    }
}
