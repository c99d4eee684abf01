using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>The run's HTML reports, as a person sees them: rendered by a real headless browser.</summary>
public sealed partial class CatalogueAgainstTheStandaloneEmulator
{
    [Test]
    public async Task The_conformance_page_shows_the_summary_counts_and_every_behaviour_in_a_browser()
    {
        var chromium = HeadlessChromium.Require();
        var report = _run.Conformance;

        var dom = await HeadlessChromium.DumpDomAsync(chromium, _run.ReportFile("conformance.html"));

        foreach (var (verdict, count) in report.Verdicts)
        {
            Count(dom, "count-" + verdict).Should().Be(count, "the summary shows the {0} count of conformance.json", verdict);
        }

        Count(dom, "count-scenarios").Should().Be(_run.Results.Count);
        Regex.IsMatch(dom, "id=\"outcome\"[^>]*class=\"[^\"]*passes|class=\"[^\"]*passes[^\"]*\"[^>]*id=\"outcome\"").Should().BeTrue("the page says the run passes");
        foreach (var behaviour in report.Behaviours)
        {
            dom.Should().Contain($"data-behaviour-id=\"{behaviour.Id}\"", "every behaviour has a row");
            dom.Should().MatchRegex($"data-behaviour-id=\"{Regex.Escape(behaviour.Id)}\"[^>]*class=\"verdict-satisfied\"|class=\"verdict-satisfied\"[^>]*data-behaviour-id=\"{Regex.Escape(behaviour.Id)}\"");
        }
    }

    [Test]
    public async Task The_living_documentation_renders_every_feature_and_scenario_in_a_browser()
    {
        var chromium = HeadlessChromium.Require();
        var page = await File.ReadAllTextAsync(_run.ReportFile("living-doc.html"));
        var (features, scenarios) = GherkinNames();

        var dom = WebUtility.HtmlDecode(await HeadlessChromium.DumpDomAsync(chromium, _run.ReportFile("living-doc.html")));

        features.Should().HaveCountGreaterThan(5);
        scenarios.Should().HaveCountGreaterThan(20);
        // The page is a script that renders from embedded messages, so the names must be in the rendered markup, between tags.
        features.Concat(scenarios).Where(name => !dom.Contains($">{name}<", StringComparison.Ordinal))
            .Should().BeEmpty("every feature and scenario is rendered (the page's own markup, {0} characters, holds them only as data)", page.Length);
    }

    private static int Count(string dom, string id)
    {
        var match = Regex.Match(dom, $"id=\"{Regex.Escape(id)}\"[^>]*>\\s*(\\d+)\\s*<");
        match.Success.Should().BeTrue("the page has an element id=\"{0}\" whose text is a number", id);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The feature names and scenario (outline) names of the run, from the Gherkin documents in its Cucumber messages.</summary>
    private (List<string> Features, List<string> Scenarios) GherkinNames()
    {
        var features = new List<string>();
        var scenarios = new List<string>();
        foreach (var line in File.ReadLines(_run.ReportFile("cucumber.ndjson")).Where(l => l.StartsWith("{\"gherkinDocument\"", StringComparison.Ordinal)))
        {
            using var envelope = JsonDocument.Parse(line);
            if (!envelope.RootElement.GetProperty("gherkinDocument").TryGetProperty("feature", out var feature))
            {
                continue;
            }

            features.Add(feature.GetProperty("name").GetString()!);
            var children = feature.GetProperty("children").EnumerateArray()
                .SelectMany(child => child.TryGetProperty("rule", out var rule) ? rule.GetProperty("children").EnumerateArray().ToList() : [child]);
            scenarios.AddRange(children
                .Where(child => child.TryGetProperty("scenario", out _))
                .Select(child => child.GetProperty("scenario").GetProperty("name").GetString()!));
        }

        return (features, scenarios);
    }
}
