using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>klaviyo-oauth-conformance emulate</c> hands its switches to the standalone emulator, whose own
/// checks answer bad ones on the process's standard error, captured here so that nothing a test
/// provokes reaches the console of <c>dotnet test</c>.
/// </summary>
[NonParallelizable]
public class EmulateCommandTests
{
    [TestCase("--data-seed", "abc", "--data-seed needs a whole number")]
    [TestCase("--api-url", "ftp://127.0.0.1:1", "is not an http:// URL")]
    public async Task A_bad_value_is_refused_by_the_emulator_with_exit_2_before_anything_listens(string option, string value, string refusal)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var standardError = new StringWriter();
        var console = Console.Error;
        Console.SetError(standardError);
        int exit;
        try
        {
            exit = await ToolCommands.RunAsync(["emulate", "--opaque-tokens", "--diagnosis-header", option, value], output, error);
        }
        finally
        {
            Console.SetError(console);
        }

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Should().BeEmpty("the tool's parser took every switch; the refusal is the emulator's own, on its console");
        standardError.ToString().Should().Contain(refusal);
    }
}
