using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.Tests.Documentation;

/// <summary>The repository's Markdown a reader follows: the README, docs/, and the projects' own READMEs.</summary>
internal static class Docs
{
    public static string Root { get; } = RepositoryRoot.Find() ?? throw new InvalidOperationException("The tests run outside a clone: no Klaviyo.OAuth.Conformance.sln above " + AppContext.BaseDirectory);

    public static MarkdownDocument Readme => MarkdownDocument.Read(Path.Combine(Root, "README.md"));

    public static IEnumerable<string> MarkdownFiles()
    {
        yield return Path.Combine(Root, "README.md");
        foreach (var doc in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"))
        {
            yield return doc;
        }

        foreach (var folder in new[] { "src", "tests" })
        {
            foreach (var readme in Directory.GetFiles(Path.Combine(Root, folder), "README.md", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                yield return readme;
            }
        }
    }

    /// <summary>The README's shell commands, from its <c>bash</c> blocks.</summary>
    public static IReadOnlyList<ShellCommand> ReadmeCommands() =>
        Readme.CodeBlocks.Where(b => b.Language is "bash" or "sh" or "shell").SelectMany(b => ShellCommand.Parse(b.Text, $"README.md, line {b.Line}")).ToList();

    public static string Relative(string path) => Path.GetRelativePath(Root, path);
}
