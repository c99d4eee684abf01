using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Tests.Documentation;

/// <summary>
/// One simple command of a shell snippet, split as the curl-capture reader splits shell text,
/// with pipelines (<c>|</c>) split too and leading <c>NAME=value</c> assignments set aside.
/// </summary>
internal sealed record ShellCommand(IReadOnlyList<string> Words)
{
    public string Program => Words.Count > 0 ? Words[0] : string.Empty;

    public IReadOnlyList<string> Arguments => [.. Words.Skip(1)];

    public string Text => string.Join(' ', Words);

    public override string ToString() => Text;

    public static IReadOnlyList<ShellCommand> Parse(string script, string sourceName) =>
        [.. ShellWords.Commands(script, sourceName)
            .SelectMany(Pipeline)
            .Select(words => words.SkipWhile(IsAssignment).ToList())
            .Where(words => words.Count > 0)
            .Select(words => new ShellCommand(words))];

    private static IEnumerable<List<string>> Pipeline(IReadOnlyList<string> words)
    {
        var command = new List<string>();
        foreach (var word in words)
        {
            if (word == "|")
            {
                yield return command;
                command = [];
            }
            else
            {
                command.Add(word);
            }
        }

        yield return command;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && word[..equals].All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
