using FluentAssertions;
using Klaviyo.OAuth.Conformance.Testing;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Documentation;

/// <summary>Every relative link of the README and docs/ leads somewhere in this repository, anchors included.</summary>
public class LinksTests
{
    public static IEnumerable<TestCaseData> Documents() =>
        Docs.MarkdownFiles().Select(f => new TestCaseData(Docs.Relative(f)).SetArgDisplayNames(Docs.Relative(f)));

    [TestCaseSource(nameof(Documents))]
    public void Every_relative_link_and_anchor_resolves_inside_the_repository(string document)
    {
        var markdown = MarkdownDocument.Read(Path.Combine(Docs.Root, document));
        var broken = new List<string>();
        foreach (var link in markdown.Links.Where(l => !l.IsExternal))
        {
            var hash = link.Target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? link.Target : link.Target[..hash];
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(link.Target[(hash + 1)..]);
            var target = file.Length == 0 ? markdown.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(markdown.Path)!, Uri.UnescapeDataString(file)));
            if (!target.StartsWith(Docs.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"line {link.Line}: {link.Target} leads outside the repository");
            }
            else if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"line {link.Line}: {link.Target} does not exist");
            }
            else if (anchor is not null && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !MarkdownDocument.Read(target).Anchors.Contains(anchor))
            {
                broken.Add($"line {link.Line}: {link.Target} names no heading of {Docs.Relative(target)}");
            }
        }

        broken.Should().BeEmpty($"{document} links only to files and headings that exist");
    }

    [TestCaseSource(nameof(Documents))]
    public void Nothing_points_at_files_outside_the_repository(string document)
    {
        var text = File.ReadAllText(Path.Combine(Docs.Root, document));

        text.Should().NotContainAny(["../shared/", "shared/spec/"], "a reader of a clone has only the repository; what they need from the specification is in docs/");
    }

    [Test]
    public void The_README_links_the_specification_kept_in_docs()
    {
        var targets = Docs.Readme.Links.Select(l => l.Target).ToList();

        targets.Should().Contain(["docs/behaviours.md", "docs/diagnosis.md", "docs/evidence.md"]);
    }
}
