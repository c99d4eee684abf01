using System.Text.RegularExpressions;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;
using Microsoft.Playwright;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>conformance.html where it matters, on a failure, as a person reads it in Chromium.</summary>
public sealed partial class BrokenBehaviourBehindAProxy
{
    [Test]
    public async Task The_conformance_page_leads_from_its_contents_to_the_failure_its_evidence_and_the_fix_once()
    {
        var chromium = HeadlessChromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright, chromium);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(HeadlessChromium.PlaywrightTimeoutMs);
        await page.GotoAsync(new Uri(Path.GetFullPath(_run.ReportFile("conformance.html"))).AbsoluteUri);

        var contents = await page.EvalOnSelectorAllAsync<string[]>("nav#contents a[href^='#']", "links => links.map(a => a.getAttribute('href'))");
        contents.Should().Contain($"#behaviour-{Broken}", "the contents lead to the failing behaviour");
        var unresolved = await page.EvaluateAsync<string[]>(
            "hrefs => hrefs.filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))", contents);
        unresolved.Should().BeEmpty("every entry of the contents leads to a part of the page");

        await page.ClickAsync($"nav#contents a[href='#behaviour-{Broken}']");
        page.Url.Should().EndWith($"#behaviour-{Broken}");
        var section = page.Locator($"section[id='behaviour-{Broken}']");
        (await section.IsVisibleAsync()).Should().BeTrue();
        (await section.Locator($"a[href='{TheGuide.Url}']").CountAsync()).Should().Be(1, "the section links the guide");

        var evidence = section.Locator("pre.evidence").First;
        (await evidence.InnerTextAsync()).Should().Contain(Rewritten, "the evidence shows the answer that broke the guide");
        var font = await evidence.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        font.Should().Contain("monospace");
        var evidenceWidth = await evidence.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        var columnWidth = await page.EvaluateAsync<double>("() => { const s = getComputedStyle(document.body); return document.body.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }");
        evidenceWidth.Should().BeGreaterThanOrEqualTo(columnWidth * 0.95, "the evidence spans the page's column, not a table cell");

        var fix = BehaviourCatalogue.All.Single(b => b.Id == Broken).WhyAndHowToFix;
        var text = await page.InnerTextAsync("body");
        Regex.Matches(text, Regex.Escape(fix)).Should().ContainSingle("the page shows the fix once, however many scenarios failed");
        (await section.Locator("p.fix").InnerTextAsync()).Should().Contain(fix);
    }
}
