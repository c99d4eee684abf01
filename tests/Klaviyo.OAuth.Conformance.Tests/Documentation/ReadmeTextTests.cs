using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Documentation;

/// <summary>What the README says about the repository agrees with the repository, and it states no count that goes stale.</summary>
public partial class ReadmeTextTests
{
    [Test]
    public void The_folder_table_lists_every_folder_of_features_in_one_table()
    {
        var lines = File.ReadAllLines(Path.Combine(Docs.Root, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| folder |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "the README has a table of the feature folders");
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        var listed = rows.Select(r => FolderCell().Match(r).Groups["folder"].Value).ToList();
        var folders = Directory.GetDirectories(Path.Combine(Docs.Root, "features")).Select(Path.GetFileName).ToList();

        listed.Should().BeEquivalentTo(folders);
        lines.Skip(header + 2 + rows.Count).Should().NotContain(l => FolderCell().IsMatch(l), "no row of the table stands apart from it");
    }

    [Test]
    public void No_count_of_scenarios_or_behaviours_is_written_by_hand()
    {
        var text = File.ReadAllText(Path.Combine(Docs.Root, "README.md"));

        HandCount().Matches(text).Select(m => m.Value).Should().BeEmpty("counts change with the catalogue; the reports give them");
    }

    [Test]
    public void The_exit_code_table_has_every_code_of_the_tool_and_no_other()
    {
        var rows = File.ReadAllLines(Path.Combine(Docs.Root, "README.md"))
            .Select(l => ExitCodeRow().Match(l)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        rows.Should().Equal(Klaviyo.OAuth.Guide.ExitCodes.Table.Select(t => t.Code));
    }

    [GeneratedRegex(@"^\| (?<code>\d) \| ")]
    private static partial Regex ExitCodeRow();

    [GeneratedRegex(@"^\| `features/(?<folder>[^/`]+)/` \|")]
    private static partial Regex FolderCell();

    [GeneratedRegex(@"\b\d+ (scenarios|behaviours|tests)\b")]
    private static partial Regex HandCount();
}
