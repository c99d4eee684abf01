using Klaviyo.OAuth.Guide;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

[Parallelizable(ParallelScope.All)]
public class TokenEndpointTests
{
    private const string InvalidClient = """{"error":"invalid_client"}""";
    private const string UnsupportedGrantType = """{"error":"unsupported_grant_type"}""";

    [Test]
    public async Task Exchanging_a_code_with_the_RFC_7636_verifier_returns_tokens()
    {
        var scenario = new Scenario();
        var code = await scenario.Approve();

        using var response = await scenario.Token(Scenario.CodeExchangeBody(code));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("access_token", "token_type", "expires_in", "refresh_token", "scope");
        json.RootElement.GetProperty("token_type").GetString().Should().Be("Bearer");
        json.RootElement.GetProperty("expires_in").GetInt32().Should().Be(3600);
        json.RootElement.GetProperty("scope").GetString().Should().Be("accounts:read");
        json.RootElement.GetProperty("access_token").GetString().Should().StartWith("eyJhbGci", "access tokens are JWT-shaped by default");
        response.Header("Cache-Control").Should().Be("no-store");
        response.Header("Pragma").Should().Be("no-cache");
    }

    [Test]
    public async Task Refreshing_returns_a_new_access_token_and_the_same_refresh_token()
    {
        var scenario = new Scenario();
        var (accessToken, refreshToken) = await scenario.ObtainTokens();

        using var response = await scenario.Token(Scenario.RefreshBody(refreshToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("refresh_token").GetString().Should().Be(refreshToken);
        json.RootElement.GetProperty("access_token").GetString().Should().NotBe(accessToken);
    }

    public static IEnumerable<TestCaseData> WrongClientAuthentication()
    {
        yield return new TestCaseData((Func<EmulatedClient, string?>)(_ => null)).SetName("No Authorization header is invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => $"Basic {c.ClientId}:{c.ClientSecret}")).SetName("Credentials not base64 encoded are invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(c.ClientId + c.ClientSecret)))).SetName("Base64 without a colon is invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.ClientId}:{c.ClientSecret}")))).SetName("A prefix other than Basic is invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => $"Basic b'{Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.ClientId}:{c.ClientSecret}"))}'")).SetName("A bytes literal is invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => Scenario.BasicOf("0123456789abcdef01234567", c.ClientSecret))).SetName("An unknown client id is invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => Scenario.BasicOf(c.ClientId, c.ClientSecret + "x"))).SetName("A wrong secret is invalid_client");
        yield return new TestCaseData((Func<EmulatedClient, string?>)(c => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.ClientId}:{c.ClientSecret}")))).SetName("Base64 credentials without the Basic scheme are invalid_client");
    }

    [TestCaseSource(nameof(WrongClientAuthentication))]
    public async Task Wrong_client_authentication_is_401_invalid_client_with_a_Basic_challenge(Func<EmulatedClient, string?> authorization)
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();

        using var response = await scenario.Token(Scenario.RefreshBody(refreshToken), authorization(scenario.Client));

        await response.ShouldBe(HttpStatusCode.Unauthorized, InvalidClient);
        response.Header("WWW-Authenticate").Should().Be("Basic realm=\"Klaviyo OAuth\"");
        response.Header("Content-Type").Should().StartWith("application/json");
        response.Header("Cache-Control").Should().Be("no-store");
        response.Header("Pragma").Should().Be("no-cache");
    }

    [Test]
    public async Task Credentials_in_the_form_body_instead_of_the_header_are_invalid_client()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        var body = Scenario.RefreshBody(refreshToken) + $"&client_id={scenario.Client.ClientId}&client_secret={scenario.Client.ClientSecret}";

        using var response = await scenario.Token(body, authorization: null);

        await response.ShouldBe(HttpStatusCode.Unauthorized, InvalidClient);
    }

    [TestCase("grant_type=password&username=a&password=b")]
    [TestCase("grant_type=client_credentials")]
    [TestCase("grant_type=refresh-token&refresh_token=x")]
    [TestCase("refresh_token=x")]
    public async Task A_missing_or_unknown_grant_type_is_unsupported_grant_type(string body)
    {
        using var response = await new Scenario().Token(body);

        await response.ShouldBe(HttpStatusCode.BadRequest, UnsupportedGrantType);
    }

    [Test]
    public async Task A_JSON_body_is_unsupported_grant_type()
    {
        using var response = await new Scenario().Token("""{"grant_type":"refresh_token","refresh_token":"x"}""", contentType: "application/json");

        await response.ShouldBe(HttpStatusCode.BadRequest, UnsupportedGrantType);
    }

    [Test]
    public async Task A_refresh_without_a_refresh_token_is_invalid_request_with_the_guides_description()
    {
        using var response = await new Scenario().Token("grant_type=refresh_token");

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":"Missing \"refresh_token\" in request."}""");
    }

    [Test]
    public async Task A_refresh_token_revoked_through_the_revoke_endpoint_has_been_revoked()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        (await scenario.Revoke("token_type_hint=refresh_token&token=" + refreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await scenario.Token(Scenario.RefreshBody(refreshToken));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Refresh token has been revoked"}""");
    }

    [Test]
    public async Task A_refresh_token_of_an_app_the_customer_removed_has_been_revoked()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        Scenario.Emulator.RemoveApp(scenario.Client.ClientId, scenario.AccountId);

        using var response = await scenario.Token(Scenario.RefreshBody(refreshToken));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Refresh token has been revoked"}""");
    }

    [TestCase("never-issued")]
    [TestCase("truncated")]
    [TestCase("one-character-changed")]
    [TestCase("another-clients")]
    public async Task A_refresh_token_that_was_not_issued_to_this_client_does_not_exist(string variant)
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        var sent = variant switch
        {
            "never-issued" => "klr_" + new Bogus.Randomizer().AlphaNumeric(43),
            "truncated" => refreshToken[..^1],
            "one-character-changed" => refreshToken[..^1] + (refreshToken[^1] == 'A' ? 'B' : 'A'),
            _ => (await new Scenario().ObtainTokens()).RefreshToken,
        };

        using var response = await scenario.Token(Scenario.RefreshBody(sent));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Refresh token does not exist"}""");
    }

    [Test]
    public async Task A_refresh_token_unused_for_more_than_90_days_expired_due_to_inactivity()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        Scenario.Emulator.AdvanceClock(TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1), scenario.Client.ClientId);

        using var response = await scenario.Token(Scenario.RefreshBody(refreshToken));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Refresh token expired due to inactivity"}""");
    }

    [Test]
    public async Task The_eleventh_refresh_within_a_minute_is_rate_limited_and_another_token_is_not()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        var (_, otherToken) = await scenario.ObtainTokens();
        for (var i = 0; i < 10; i++)
        {
            using var granted = await scenario.Token(Scenario.RefreshBody(refreshToken));
            granted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await scenario.Token(Scenario.RefreshBody(refreshToken));

        await response.ShouldBe(
            (HttpStatusCode)429,
            """{"error":"rate_limit_exceeded","error_description":"Rate limit exceeded for refresh token. Please try again after 1 minute."}""");
        int.Parse(response.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
        (await scenario.Token(Scenario.RefreshBody(otherToken))).StatusCode.Should().Be(HttpStatusCode.OK);

        Scenario.Emulator.AdvanceClock(TimeSpan.FromMinutes(1), scenario.Client.ClientId);
        (await scenario.Token(Scenario.RefreshBody(refreshToken))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_verifier_that_does_not_hash_to_the_challenge_fails_the_code_challenge()
    {
        var scenario = new Scenario();
        var code = await scenario.Approve();

        using var response = await scenario.Token(Scenario.CodeExchangeBody(code, verifier: new string('v', 43)));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Code challenge failed."}""");
    }

    [Test]
    public async Task A_verifier_sent_as_its_own_challenge_fails_the_code_challenge()
    {
        var scenario = new Scenario();
        var code = await scenario.Approve(challenge: Scenario.Verifier);

        using var response = await scenario.Token(Scenario.CodeExchangeBody(code));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Code challenge failed."}""");
    }

    [TestCase(42, "a")]
    [TestCase(129, "a")]
    [TestCase(50, "%2B")]
    [TestCase(50, "%2F")]
    [TestCase(50, "%3D")]
    [TestCase(50, "+")]
    public async Task A_malformed_code_verifier_is_invalid_code_verifier(int length, string last)
    {
        var scenario = new Scenario();
        var code = await scenario.Approve();

        using var response = await scenario.Token(Scenario.CodeExchangeBody(code, verifier: new string('a', length - 1) + last));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":"Invalid \"code_verifier\""}""");
    }

    [Test]
    public async Task A_code_can_be_exchanged_only_once()
    {
        var scenario = new Scenario();
        var code = await scenario.Approve();
        (await scenario.Token(Scenario.CodeExchangeBody(code))).StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await scenario.Token(Scenario.CodeExchangeBody(code));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Authorization code is invalid or expired"}""");
    }

    [Test]
    public async Task The_token_endpoint_is_unavailable_during_an_outage_of_that_client_only()
    {
        var scenario = new Scenario();
        var bystander = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();
        var (_, bystanderToken) = await bystander.ObtainTokens();
        Scenario.Emulator.StartOutage(EndpointFamily.Token, scenario.Client.ClientId);
        try
        {
            using var response = await scenario.Token(Scenario.RefreshBody(refreshToken));

            await response.ShouldBe(HttpStatusCode.ServiceUnavailable, """{"error":"temporarily_unavailable"}""");
            response.Header("Retry-After").Should().Be("1");
            (await bystander.Token(Scenario.RefreshBody(bystanderToken))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            Scenario.Emulator.EndOutage(EndpointFamily.Token, scenario.Client.ClientId);
        }

        (await scenario.Token(Scenario.RefreshBody(refreshToken))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Other_methods_on_the_token_endpoint_are_405_with_Allow_POST()
    {
        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Api("oauth/token"));

        await response.ShouldBe(HttpStatusCode.MethodNotAllowed, """{"error":"invalid_request","error_description":"Method not allowed; use POST."}""");
        response.Header("Allow").Should().Be("POST");
        response.Header("Cache-Control").Should().Be("no-store");
    }
}
