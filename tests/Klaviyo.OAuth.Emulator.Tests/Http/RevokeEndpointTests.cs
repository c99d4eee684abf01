using Klaviyo.OAuth.Guide;
using System.Net;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

[Parallelizable(ParallelScope.All)]
public class RevokeEndpointTests
{
    [Test]
    public async Task Revoking_a_refresh_token_answers_200_and_revokes_its_access_tokens()
    {
        var scenario = new Scenario();
        var (accessToken, refreshToken) = await scenario.ObtainTokens();

        using var response = await scenario.Revoke("token=" + refreshToken + "&token_type_hint=refresh_token");

        await response.ShouldBe(HttpStatusCode.OK, string.Empty);
        using var api = await Scenario.CallApi("Bearer " + accessToken);
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [TestCase("Basic not-base64")]
    [TestCase(null)]
    public async Task Wrong_client_authentication_is_400_invalid_client(string? authorization)
    {
        using var response = await new Scenario().Revoke("token=x", authorization);

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_client"}""");
    }

    [Test]
    public async Task A_wrong_secret_is_400_invalid_client()
    {
        var scenario = new Scenario();

        using var response = await scenario.Revoke("token=x", Scenario.BasicOf(scenario.Client.ClientId, "wrong"));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_client"}""");
    }

    [Test]
    public async Task A_body_that_is_not_form_urlencoded_is_invalid_request()
    {
        using var response = await new Scenario().Revoke("""{"token":"x"}""", contentType: "application/json");

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request"}""");
    }

    [Test]
    public async Task A_missing_token_is_invalid_request()
    {
        using var response = await new Scenario().Revoke("token_type_hint=refresh_token");

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request"}""");
    }

    [Test]
    public async Task Revoking_an_unknown_token_answers_200()
    {
        using var response = await new Scenario().Revoke("token=never-issued");

        await response.ShouldBe(HttpStatusCode.OK, string.Empty);
    }

    [Test]
    public async Task Revoking_another_clients_token_answers_200_and_leaves_it_usable()
    {
        var owner = new Scenario();
        var (_, refreshToken) = await owner.ObtainTokens();

        using var response = await new Scenario().Revoke("token=" + refreshToken);

        await response.ShouldBe(HttpStatusCode.OK, string.Empty);
        (await owner.Token(Scenario.RefreshBody(refreshToken))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_revoke_endpoint_is_unavailable_during_an_outage()
    {
        var scenario = new Scenario();
        Scenario.Emulator.StartOutage(EndpointFamily.Revoke, scenario.Client.ClientId);
        try
        {
            using var response = await scenario.Revoke("token=x");

            await response.ShouldBe(HttpStatusCode.ServiceUnavailable, """{"error":"temporarily_unavailable"}""");
        }
        finally
        {
            Scenario.Emulator.EndOutage(EndpointFamily.Revoke, scenario.Client.ClientId);
        }
    }
}
