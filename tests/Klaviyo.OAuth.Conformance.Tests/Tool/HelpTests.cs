using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tool;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>The help as a newcomer meets it: named as the installed tool, with the exit codes, the guide and where reports go.</summary>
public class HelpTests : ToolCommandTests
{
    [TestCase("--help")]
    [TestCase("run", "--help")]
    [TestCase("grade", "-h")]
    public void Help_names_the_tool_not_the_assembly_and_documents_the_exit_codes_the_guide_and_the_reports(params string[] args)
    {
        RunTool(args).Should().Be(ExitCodes.Conforming);

        Output.Should().Contain(ToolCommands.Name + (args.Length > 1 ? " " + args[0] : string.Empty) + " [")
            .And.NotContain("testhost").And.NotContain("Klaviyo.OAuth.Conformance.Tool [")
            .And.Contain(ToolCommands.GuideUrl).And.Contain("./reports");
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Output.Should().Contain($"  {code}  {meaning}");
        }
    }

    [Test]
    public void A_bare_invocation_shows_the_help_not_an_error()
    {
        RunTool([]).Should().Be(ExitCodes.BadUsage);

        Output.Should().Contain("Usage:").And.Contain("Commands:").And.Contain("run").And.Contain("grade");
        Error.Should().BeEmpty();
    }
}
