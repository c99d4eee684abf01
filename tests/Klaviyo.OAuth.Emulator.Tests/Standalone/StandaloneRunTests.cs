using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Klaviyo.OAuth.Emulator.Standalone;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Standalone;

/// <summary>
/// The standalone program run in this process through its command line, its two streams captured
/// (nothing reaches the test console), stopped by cancellation as Ctrl-C stops it.
/// </summary>
public class StandaloneRunTests
{
    [Test]
    public async Task A_client_given_on_the_command_line_is_known_to_the_token_endpoint_at_once()
    {
        var apiUrl = FreeLoopbackUrl();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorCommandLine.RunAsync(["--api-url", apiUrl, "--client", "shop-app:s3cret:http://127.0.0.1:8080/callback"], output, error, stop.Token);
        await ReadyAsync(output, run);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, apiUrl + "/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "never-issued" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("shop-app:s3cret")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await stop.CancelAsync();

        (await run).Should().Be(ExitCodes.Conforming);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        body.Should().Contain("invalid_grant", "the credentials are the registered app's: only the refresh token is wrong");
        output.ToString().Should().Contain("Registered client shop-app").And.NotContain("s3cret").And.Contain("Emulator stopping");
        error.ToString().Should().BeEmpty();
    }

    [TestCase("--api-url")]
    [TestCase("--web-url")]
    public async Task A_busy_port_is_one_message_naming_the_option_to_change_and_exit_2(string option)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCommandLine.RunAsync([option, url], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        var message = error.ToString().Trim();
        message.Should().Contain(url).And.Contain($"Choose another with {option}.").And.NotContain(" at ", "no stack trace");
        message.Split('\n').Should().ContainSingle();
        output.ToString().Should().NotContain(StandaloneEmulator.ReadyLine);
    }

    [Test]
    public async Task A_control_api_on_an_address_other_than_loopback_needs_allow_remote_control()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCommandLine.RunAsync(["--api-url", "http://0.0.0.0:0"], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Should().Contain("--allow-remote-control").And.Contain("0.0.0.0");
        output.ToString().Should().NotContain(StandaloneEmulator.ReadyLine);
        EmulatorCommandLine.Parse(["--api-url", "http://0.0.0.0:0", "--allow-remote-control"]).Options!.AllowRemoteControl.Should().BeTrue();
    }

    [Test]
    public async Task A_bad_option_is_refused_before_anything_listens()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCommandLine.RunAsync(["--data-seed", "many"], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Should().Contain("--data-seed");
        output.ToString().Should().BeEmpty();
    }

    internal static string FreeLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    internal static async Task ReadyAsync(StringWriter output, Task<int> run)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!output.ToString().Contains(StandaloneEmulator.ReadyLine, StringComparison.Ordinal))
        {
            if (run.IsCompleted)
            {
                Assert.Fail($"The emulator stopped with {await run}: {output}");
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Not ready within 30 s: {output}");
            }

            await Task.Delay(20);
        }
    }
}
