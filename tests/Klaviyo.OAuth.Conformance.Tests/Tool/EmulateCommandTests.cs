using System.Net;
using System.Net.Sockets;
using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>klaviyo-oauth-conformance emulate</c> takes the emulator's own options: one definition, one message for bad ones, on the command's streams.</summary>
public class EmulateCommandTests
{
    [TestCase("--data-seed", "abc")]
    [TestCase("--api-url", "ftp://127.0.0.1:1")]
    [TestCase("--client", "no-secret")]
    public async Task A_bad_value_is_one_message_naming_the_option_and_exit_2_before_anything_listens(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ToolCommands.RunAsync(["emulate", "--opaque-tokens", "--diagnosis-header", option, value], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Should().Contain(option);
        output.ToString().Should().BeEmpty();
    }

    [Test]
    public async Task A_busy_port_names_the_option_to_change_with_exit_2_and_no_stack_trace()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ToolCommands.RunAsync(["emulate", "--web-url", url], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Should().Contain("--web-url").And.Contain(url).And.NotContain("   at ");
    }

    [Test]
    public async Task With_https_it_prints_the_certificates_file_and_the_fingerprint_of_the_certificate_it_serves()
    {
        var folder = Directory.CreateTempSubdirectory("emulate-https-");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            // Parsed by the tool's real command line and run until cancelled, as Ctrl-C stops it.
            var run = ToolCommands.Parse(["emulate", "--https", "--https-cert-dir", folder.FullName])
                .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, stop.Token);
            while (!output.ToString().Contains("Emulator ready", StringComparison.Ordinal) && !run.IsCompleted)
            {
                await Task.Delay(20);
            }

            var lines = output.ToString().Split('\n');
            var apiUrl = new Uri(lines.First(l => l.StartsWith("API host:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
            var printed = lines.First(l => l.TrimStart().StartsWith("SHA-256", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
            string? served = null;
            using var handler = new SocketsHttpHandler { UseProxy = false };
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                served = string.Join(':', Convert.ToHexString(certificate!.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)).Chunk(2).Select(pair => new string(pair)));
                return served == printed;
            };
            using var http = new HttpClient(handler, disposeHandler: false);

            using var health = await http.GetAsync(new Uri(apiUrl, "__health"));
            await stop.CancelAsync();

            (await run).Should().Be(ExitCodes.Conforming);
            apiUrl.Scheme.Should().Be("https");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            served.Should().Be(printed);
            output.ToString().Should().Contain(Path.Combine(folder.FullName, "klaviyo-oauth-emulator.pem"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
