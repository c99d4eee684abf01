using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>klaviyo-oauth-conformance emulate</c> hands its switches to the standalone emulator, whose own checks answer bad ones.</summary>
public class EmulateCommandTests
{
    [TestCase("--data-seed", "abc")]
    [TestCase("--api-url", "ftp://127.0.0.1:1")]
    public async Task A_bad_value_is_refused_by_the_emulator_with_exit_2_before_anything_listens(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ToolCommands.RunAsync(["emulate", "--opaque-tokens", "--diagnosis-header", option, value], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Should().BeEmpty("the tool's parser took every switch; the refusal is the emulator's own, on its console");
    }
}
