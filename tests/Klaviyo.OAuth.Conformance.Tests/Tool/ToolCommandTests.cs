using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// The tool's command line as its users call it: a fresh folder for each test, and what a command
/// wrote to standard output and standard error.
/// </summary>
public abstract class ToolCommandTests
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    /// <summary>A folder of this test's own, removed after it.</summary>
    protected string Folder { get; private set; } = null!;

    /// <summary>What the commands of this test wrote to standard output.</summary>
    protected string Output => output.ToString();

    /// <summary>What the commands of this test wrote to standard error.</summary>
    protected string Error => error.ToString();

    [SetUp]
    public void NewFolder() => Folder = TestData.TempDirectory();

    [TearDown]
    public void RemoveFolder()
    {
        Directory.Delete(Folder, recursive: true);
        output.GetStringBuilder().Clear();
        error.GetStringBuilder().Clear();
    }

    [OneTimeTearDown]
    public void DisposeWriters()
    {
        output.Dispose();
        error.Dispose();
    }

    /// <summary>Runs <c>klaviyo-oauth-conformance</c> with these arguments (and this standard input) and returns its exit code.</summary>
    protected int RunTool(string[] args, Stream? standardInput = null) =>
        (standardInput is null
            ? ToolCommands.RunAsync(args, output, error)
            : ToolCommands.RunAsync(args, output, error, () => standardInput)).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the tool as in a GitHub Actions step, whose job summary is <paramref name="summary"/>. The
    /// tool reads the process's environment, so a fixture that calls this is <c>[NonParallelizable]</c>.
    /// </summary>
    protected int RunToolInGitHubActions(string[] args, string summary)
    {
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        try
        {
            return RunTool(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", null);
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
        }
    }
}
