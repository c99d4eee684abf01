using System.Text;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Conformance.Testing;

/// <summary>
/// A Markdown file as a reader on GitHub sees it: its headings (with GitHub's anchors), its links
/// and its fenced code blocks, each block with the heading it stands under. Nothing inside a
/// fence counts as a heading or a link.
/// </summary>
public sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, IReadOnlyList<MarkdownHeading> headings, IReadOnlyList<MarkdownLink> links, IReadOnlyList<MarkdownCodeBlock> codeBlocks)
    {
        Path = path;
        Headings = headings;
        Links = links;
        CodeBlocks = codeBlocks;
    }

    public string Path { get; }

    public IReadOnlyList<MarkdownHeading> Headings { get; }

    public IReadOnlyList<MarkdownLink> Links { get; }

    public IReadOnlyList<MarkdownCodeBlock> CodeBlocks { get; }

    /// <summary>The anchors GitHub gives the headings, duplicates numbered as GitHub numbers them.</summary>
    public IReadOnlySet<string> Anchors => Headings.Select(h => h.Anchor).ToHashSet(StringComparer.Ordinal);

    public static MarkdownDocument Read(string path)
    {
        var headings = new List<MarkdownHeading>();
        var links = new List<MarkdownLink>();
        var blocks = new List<MarkdownCodeBlock>();
        var slugsSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? section = null;
        string? fence = null;
        string? language = null;
        var body = new StringBuilder();
        var lines = File.ReadAllLines(path);
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim() == fence)
                {
                    blocks.Add(new MarkdownCodeBlock(language!, body.ToString(), section, number));
                    fence = null;
                    body.Clear();
                }
                else
                {
                    // An indented block (inside a list item) loses the list's indentation.
                    body.AppendLine(line.Length - trimmed.Length <= 4 ? trimmed : line);
                }

                continue;
            }

            if (Fence().Match(trimmed) is { Success: true } opening)
            {
                fence = opening.Groups["fence"].Value;
                language = opening.Groups["info"].Value.Trim();
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                var text = heading.Groups["text"].Value.Trim();
                var slug = Slug(text);
                var anchor = slugsSeen.TryGetValue(slug, out var seen) ? $"{slug}-{seen}" : slug;
                slugsSeen[slug] = seen + 1;
                headings.Add(new MarkdownHeading(text, heading.Groups["level"].Length, anchor, number));
                section = text;
            }

            foreach (Match link in Link().Matches(InlineCode().Replace(line, string.Empty)))
            {
                links.Add(new MarkdownLink(link.Groups["text"].Value, link.Groups["target"].Value, number));
            }
        }

        return new MarkdownDocument(System.IO.Path.GetFullPath(path), headings, links, blocks);
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = InlineCode().Replace(heading, m => m.Value.Trim('`')).ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();
}

/// <summary>A heading, its level (1 for #) and the anchor GitHub gives it.</summary>
public sealed record MarkdownHeading(string Text, int Level, string Anchor, int Line);

/// <summary>An inline link, <c>[text](target)</c>, and the line it is on.</summary>
public sealed record MarkdownLink(string Text, string Target, int Line)
{
    public bool IsExternal => Target.Contains("://", StringComparison.Ordinal) || Target.StartsWith("mailto:", StringComparison.Ordinal);
}

/// <summary>A fenced block: its language (<c>bash</c>, <c>yaml</c>, or empty), its text, the heading it stands under and the line it ends on.</summary>
public sealed record MarkdownCodeBlock(string Language, string Text, string? Section, int Line);
