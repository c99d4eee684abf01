using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// One command of the built tool as users run it, <c>dotnet Klaviyo.OAuth.Conformance.Tool.dll …</c>,
/// in a child process whose working folder is <paramref name="Work"/>: nothing of this machine's
/// <c>Conformance__*</c> settings leaks in, and only the environment the test gives is added.
/// </summary>
public sealed record ToolRun(int ExitCode, string Output, string Work)
{
    public static async Task<ToolRun> ExecuteAsync(string work, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var variables = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(v => v.StartsWith("Conformance__", StringComparison.Ordinal))
            .ToDictionary(v => v, _ => (string?)null, StringComparer.Ordinal);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        using var tool = ChildProcess.Start(DotnetHost.Path, [BuiltArtifacts.ToolAssembly, .. arguments], work, variables);
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        if (!await tool.WaitForExitAsync(limit))
        {
            tool.KillTree();
            throw new TimeoutException($"klaviyo-oauth-conformance {string.Join(' ', arguments)} ran longer than {limit.TotalSeconds:0} s. Its output:{Environment.NewLine}{tool.Output}");
        }

        return new ToolRun(tool.ExitCode, tool.Output, work);
    }

    /// <summary>For assertion messages: the exit code and what the tool printed.</summary>
    public override string ToString() => $"exit code {ExitCode}; output:{Environment.NewLine}{Output}";
}
