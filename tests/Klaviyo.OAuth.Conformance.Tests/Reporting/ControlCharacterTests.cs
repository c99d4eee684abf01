using FluentAssertions;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting;

/// <summary>A target's NUL, ESC and lone CR reach no report or console raw: each is shown as an escape.</summary>
public class ControlCharacterTests
{
    [Test]
    public void Every_report_format_and_the_console_show_control_characters_as_escapes()
    {
        var behaviour = BehaviourCatalogue.All[0];
        var ndjson = new Messages()
            .Scenario("a target answers with raw bytes", [behaviour.Level.Tag(), behaviour.Tag], Messages.Failed("Expected 400, got 200\nResponse: a\0b\u001b[31mred\rforged\u0007"))
            .Reader();
        var matrix = new ConformanceMatrixBuilder().Build(ndjson);
        var directory = TestData.TempDirectory();
        try
        {
            var files = ConformanceReport.WriteAll(matrix, directory);
            var outputs = files.Select(File.ReadAllText).Append(ConsoleSummary.Render(matrix)).ToList();

            foreach (var output in outputs)
            {
                output.Where(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r').Should().BeEmpty();
                output.Should().NotContain("\rforged");
            }

            File.ReadAllText(files.Single(f => f.EndsWith(".md", StringComparison.Ordinal))).Should().Contain("a\\u0000b\\u001b[31mred\\rforged\\u0007");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
