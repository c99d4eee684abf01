using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// Started in a folder one may not write into, the commands that write to ./reports by default say so
/// before anything runs (one message naming --out, exit 2), as they do for an --out given.
/// </summary>
[NonParallelizable]
public sealed class DefaultReportsFolderTests : ToolCommandTests
{
    private const string Unwritable = "/proc";

    [Test]
    public void Run_and_compare_in_a_folder_one_may_not_write_name_out_before_anything_runs()
    {
        Assume.That(Directory.Exists(Unwritable), "a folder nobody may write into");
        var run = new Messages().EveryBehaviourPassing().WriteTo(Folder);
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Unwritable;

            RunTool(["run"]).Should().Be(ExitCodes.BadUsage, Output + Error);
            RunTool(["compare", run, run]).Should().Be(ExitCodes.BadUsage, Output + Error);
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }

        Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            Enumerable.Repeat("--out reports: cannot write in /proc (permission denied); give a folder you can write to.", 2));
        Output.Should().BeEmpty("nothing ran");
    }
}
