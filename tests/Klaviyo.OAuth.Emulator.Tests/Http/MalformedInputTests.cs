using System.Net;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

[Parallelizable(ParallelScope.All)]
public class MalformedInputTests
{
    [Test]
    public async Task A_body_over_the_size_limit_is_invalid_request()
    {
        var scenario = new Scenario();

        using var response = await scenario.Token("grant_type=refresh_token&refresh_token=" + new string('a', 70 * 1024));

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":"Request body is too large."}""");
    }

    [Test]
    public async Task A_body_that_is_not_UTF8_is_invalid_request()
    {
        var scenario = new Scenario();

        using var response = await Scenario.SendBytes(HttpMethod.Post, Scenario.Api("oauth/token"), scenario.Basic, [0x67, 0x3d, 0xff, 0xfe], Scenario.Form);

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":"Request body is not valid UTF-8."}""");
    }

    [Test]
    public async Task A_duplicated_parameter_is_invalid_request()
    {
        using var response = await new Scenario().Token("grant_type=refresh_token&grant_type=authorization_code");

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"invalid_request","error_description":"Malformed form body."}""");
    }

    [Test]
    public async Task An_empty_form_body_is_unsupported_grant_type()
    {
        using var response = await new Scenario().Token(string.Empty);

        await response.ShouldBe(HttpStatusCode.BadRequest, """{"error":"unsupported_grant_type"}""");
    }

    public static IEnumerable<TestCaseData> OddRequests()
    {
        var random = new Bogus.Randomizer(4242);
        yield return new TestCaseData(HttpMethod.Post, "api", "oauth/token", "Basic ====", random.Bytes(512), "application/x-www-form-urlencoded").SetName("Random bytes with broken base64 get a 4xx");
        yield return new TestCaseData(HttpMethod.Post, "api", "oauth/token", "Basic " + new string('A', 10_000), Encoding.UTF8.GetBytes("a=%"), "text/plain;;;").SetName("A huge header and a broken content type get a 4xx");
        yield return new TestCaseData(HttpMethod.Put, "api", "oauth/revoke", null, Array.Empty<byte>(), null).SetName("A PUT to revoke gets a 4xx");
        yield return new TestCaseData(HttpMethod.Delete, "api", "api/accounts/", "Bearer", Array.Empty<byte>(), null).SetName("A bare Bearer scheme gets a 4xx");
        yield return new TestCaseData(HttpMethod.Post, "api", "__control/users", null, Encoding.UTF8.GetBytes("[1,2]"), "application/json").SetName("A JSON array to the control API gets a 4xx");
        yield return new TestCaseData(HttpMethod.Patch, "web", "oauth/authorize?a=%ZZ", null, random.Bytes(64), "application/x-www-form-urlencoded").SetName("A PATCH to authorize with junk gets a 4xx");
        yield return new TestCaseData(HttpMethod.Post, "web", "oauth/authorize", null, Encoding.UTF8.GetBytes("a=1&a=2"), "application/x-www-form-urlencoded").SetName("Duplicated authorize parameters get a 4xx");
        yield return new TestCaseData(HttpMethod.Get, "web", "oauth/authorize?client_id=%FF", null, null, null).SetName("A query that is not UTF-8 gets a 4xx");
        yield return new TestCaseData(HttpMethod.Get, "web", "nowhere", null, null, null).SetName("An unknown web page gets a 4xx");
    }

    [TestCaseSource(nameof(OddRequests))]
    public async Task Odd_requests_get_a_client_error_never_a_server_error(HttpMethod method, string host, string path, string? authorization, byte[]? body, string? contentType)
    {
        var uri = host == "api" ? Scenario.Api(path) : Scenario.Web(path);

        using var response = await Scenario.SendBytes(method, uri, authorization, body, contentType, cookie: "kl_session=; ;=;;x");

        ((int)response.StatusCode).Should().BeInRange(400, 499);
    }
}
