using Klaviyo.OAuth.Guide.Diagnosis;
using Microsoft.Playwright;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// `diagnose` on HARs that Chromium itself recorded (Playwright's RecordHarPath), not ones a test
/// wrote: what a developer exports from the browser's developer tools after clicking "Connect Klaviyo".
/// </summary>
public sealed partial class EmulatorInABrowser
{
    [Test]
    public async Task A_har_chromium_recorded_of_an_owner_allowing_the_app_is_diagnosed_as_nothing_wrong()
    {
        var har = NewHarPath();
        var (page, _) = await OpenAuthorizationRequestAsync("recorded-owner", new() { RecordHarPath = har });
        await SignInAsync(page, "owner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForURLAsync(_redirectUri + "**");
        await page.Context.CloseAsync(); // the HAR is written when its context closes

        var (findings, output) = Diagnose(har);

        output.Should().Contain("/oauth/authorize").And.Contain("nothing wrong found");
        findings.Should().BeFalse(output);
    }

    [Test]
    public async Task A_har_chromium_recorded_of_an_analyst_at_the_consent_page_names_the_role_and_the_fix()
    {
        var har = NewHarPath();
        var (page, _) = await OpenAuthorizationRequestAsync("recorded-analyst", new() { RecordHarPath = har });
        await page.RunAndWaitForResponseAsync(
            () => SignInClickAsync(page, "analyst"),
            r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/oauth/authorize");
        await page.Context.CloseAsync();

        var (findings, output) = Diagnose(har);

        findings.Should().BeTrue(output);
        output.Should().Contain("authorize.role-denied").And.Contain("owner, admin or manager");
    }

    private static string NewHarPath() => Path.Combine(Directory.CreateTempSubdirectory("recorded-har-").FullName, "flow.har");

    private static (bool Findings, string Output) Diagnose(string har)
    {
        var diagnosis = CaptureDiagnosis.ReadFile(har);
        using var output = new StringWriter();
        diagnosis.WriteText(output);
        return (diagnosis.HasFindings, output.ToString());
    }
}
