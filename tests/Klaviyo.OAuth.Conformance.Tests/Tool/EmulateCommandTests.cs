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
}
