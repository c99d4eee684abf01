using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>Inputs meant to break the emulator: each gets a clear 4xx and leaves it working.</summary>
[Parallelizable(ParallelScope.All)]
public class HostileInputTests
{
    [Test]
    public async Task Advancing_one_clients_clock_past_the_cap_is_refused_and_that_client_keeps_working()
    {
        var scenario = new Scenario();
        var (_, refreshToken) = await scenario.ObtainTokens();

        using var advance = await Control(HttpMethod.Post, "clock/advance", $$"""{"seconds":3e11,"clientId":"{{scenario.Client.ClientId}}"}""");

        advance.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await advance.Content.ReadAsStringAsync()).Should().Contain("at most");
        using var refresh = await scenario.Token(Scenario.RefreshBody(refreshToken));
        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Advances_that_add_up_past_the_cap_are_refused_and_the_emulator_keeps_working()
    {
        // Its own emulator: the global clock is shared by every test of the shared one.
        using var emulator = KlaviyoEmulator.Start();
        using var http = new HttpClient();
        var advance = new Uri(emulator.ApiBaseUrl, "__control/clock/advance");
        var nearlyACentury = $$"""{"seconds":{{36_000L * 86_400}}}""";

        using var first = await http.PostAsync(advance, new StringContent(nearlyACentury, Encoding.UTF8, "application/json"));
        using var second = await http.PostAsync(advance, new StringContent(nearlyACentury, Encoding.UTF8, "application/json"));
        using var huge = await http.PostAsync(advance, new StringContent("""{"seconds":3e11}""", Encoding.UTF8, "application/json"));
        using var afterwards = await http.GetAsync(new Uri(emulator.ApiBaseUrl, "__control"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).Should().Contain("ahead of real time");
        huge.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        afterwards.StatusCode.Should().Be(HttpStatusCode.OK);
        emulator.Journal.Should().HaveCount(4);
    }

    [TestCase("oauth/token?=")]
    [TestCase("oauth/token?=&=x")]
    [TestCase("__control/journal?=")]
    public async Task A_query_parameter_without_a_name_gets_a_client_error_and_is_journaled(string pathAndQuery)
    {
        var scenario = new Scenario();

        using var response = await scenario.Token("grant_type=refresh_token&refresh_token=x" + pathAndQuery.Length);
        using var odd = await Scenario.Send(HttpMethod.Post, Scenario.Api(pathAndQuery), scenario.Basic, "grant_type=refresh_token&refresh_token=y", Scenario.Form);

        ((int)odd.StatusCode).Should().BeInRange(400, 499);
        (await odd.Content.ReadAsStringAsync()).Should().NotContain(" at ", "no stack trace is shown");
        Scenario.Emulator.Journal.Should().Contain(e => e.Path.StartsWith("/" + pathAndQuery.Split('?')[0] + "?", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_malformed_chunked_body_gets_the_emulators_own_400_and_is_journaled()
    {
        var path = "/oauth/token?chunked-" + Guid.NewGuid().ToString("N");
        var request =
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n0\r\n\r\n";

        var answer = await SendRaw(Scenario.Emulator.ApiBaseUrl, request);

        answer.Should().StartWith("HTTP/1.1 400");
        answer.Should().Contain("invalid_request").And.NotContain("Exception");
        Scenario.Emulator.Journal.Should().Contain(e => e.Path == path && e.Status == 400);
    }

    [Test]
    public async Task A_control_body_that_is_not_JSON_is_never_quoted_back()
    {
        const string secret = "klr_0123456789abcdefSECRET";

        using var response = await Control(HttpMethod.Post, "clients", "token=" + secret);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("token=").And.NotContain("klr_").And.NotContain("'t'");
        Scenario.Emulator.Journal.Should().NotContain(e => e.Outcome.Contains("klr_", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_newline_in_a_control_field_or_a_path_cannot_forge_a_journal_line()
    {
        using var role = await Control(HttpMethod.Post, "users", "{\"accountId\":\"acc\",\"role\":\"owner\\n12:00:00 api POST /oauth/token -> 200 forged\"}");
        using var path = await Scenario.Send(HttpMethod.Get, Scenario.Api("nowhere%0Aforged%1B[2J"));

        ((int)role.StatusCode).Should().BeInRange(400, 499);
        (await role.Content.ReadAsStringAsync()).Should().NotContain("forged");
        path.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Scenario.Emulator.Journal.Should().NotContain(e => e.Path.Any(char.IsControl) || e.Outcome.Any(char.IsControl));
    }

    private static Task<HttpResponseMessage> Control(HttpMethod method, string route, string body) =>
        Scenario.Send(method, Scenario.Api("__control/" + route), body: body, contentType: "application/json");

    private static async Task<string> SendRaw(Uri baseUrl, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // The server may reset the connection after answering a broken request.
        }

        return answer.ToString();
    }
}
