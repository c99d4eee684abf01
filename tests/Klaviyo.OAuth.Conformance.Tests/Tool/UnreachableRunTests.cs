using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>run</c> against a target that does not answer: exit 3, one message naming what to check in the
/// user's own words, and redaction by value from the command line on (the app's secret and tokens given
/// as options appear neither in what the tool prints nor in any report it writes).
/// </summary>
[NonParallelizable]
public sealed class UnreachableRunTests : ToolCommandTests
{
    private static readonly string[] Secrets = ["S3cr3tValue123", "klr_R3fr3shTokenValue456", "kla_Acc3ssTokenValue789"];

    [Test]
    public void Secrets_given_as_options_to_an_unreachable_run_are_never_printed_nor_written()
    {
        var reports = Path.Combine(Folder, "reports");

        var exit = RunTool([
            "run", "--api-url", "http://127.0.0.1:9", "--web-url", "http://127.0.0.1:9", "--client-id", "0123456789abcdef01234567",
            "--client-secret", Secrets[0], "--refresh-token", Secrets[1], "--access-token", Secrets[2], "--redirect-uri", "http://127.0.0.1/callback", "--out", reports]);

        exit.Should().Be(ExitCodes.Unverified, Output + Error);
        Output.Should().Contain("The target could not be reached").And.Contain("ClientSecret  set  (option --client-secret)");
        var files = Directory.GetFiles(reports, "*", SearchOption.AllDirectories);
        files.Select(Path.GetFileName).Should().Contain(["conformance.json", "cucumber.ndjson", "junit.xml"]);
        foreach (var secret in Secrets)
        {
            (Output + Error).Should().NotContain(secret);
            files.Should().OnlyContain(file => !File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), "{0} is in no report", secret);
        }
    }

    [Test]
    public void A_target_that_never_answers_names_the_option_that_sets_the_timeout()
    {
        // Connections complete in the listener's backlog; nothing ever answers them.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";

        var exit = RunTool(["run", "--api-url", url, "--web-url", url, "--timeout-seconds", "1", "--out", Path.Combine(Folder, "reports")]);

        exit.Should().Be(ExitCodes.Unverified, Output + Error);
        Output.Should().Contain($"FAILS: The target could not be reached, so no behaviour was verified: GET {url}/ did not answer within 1 s.")
            .And.Contain("(--timeout-seconds sets the limit.)").And.NotContain("Conformance:TimeoutSeconds");
    }
}
