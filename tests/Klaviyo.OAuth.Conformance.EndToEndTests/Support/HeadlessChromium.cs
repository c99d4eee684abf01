using Klaviyo.OAuth.Conformance.Testing;
using Microsoft.Playwright;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>Debian's chromium, headless: loads a local page, lets its scripts run, and returns the DOM they rendered.</summary>
public static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    public const string MissingInCi = "chromium is missing: .ci/run installs it";

    public const string MissingLocally = "install Debian's chromium (apt-get install chromium) to run the browser test";

    /// <summary>The chromium on the PATH, or null.</summary>
    public static string? Find() =>
        Names
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Fails the test in CI (which installs chromium), skips it elsewhere; otherwise the chromium to use.</summary>
    public static string Require()
    {
        if (Find() is { } chromium)
        {
            return chromium;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(MissingInCi);
        }

        Assert.Ignore(MissingLocally);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Playwright waits this long at most for any one call, so a browser that hangs fails its test instead of stalling the run (generous: on 2 cores, other test projects run at the same time).</summary>
    public const float PlaywrightTimeoutMs = 30_000;

    /// <summary>Debian's chromium under Playwright, headless and without the sandbox a container cannot give it.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = PlaywrightTimeoutMs * 2,
        });

    public static Task<string> DumpDomAsync(string chromium, string htmlFile) =>
        LoadAsync(chromium, new Uri(Path.GetFullPath(htmlFile)));

    /// <summary>
    /// Loads a page and returns what chromium printed: the DOM the page rendered, or, when the load
    /// failed, chromium's own report of why (an empty 403 or 404 is <c>net::ERR_HTTP_RESPONSE_CODE_FAILURE</c>).
    /// </summary>
    public static async Task<string> LoadAsync(string chromium, Uri page)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile.FullName}", "--virtual-time-budget=15000",
                "--dump-dom", page.AbsoluteUri,
            ];
            using var browser = ChildProcess.Start(chromium, arguments, profile.FullName, new Dictionary<string, string?>());
            if (!await browser.WaitForExitAsync(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"chromium did not render {page} within 60 s. Its output:{Environment.NewLine}{browser.Output}");
            }

            return browser.Output;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // chromium may still hold a lock file for a moment; a temp folder left behind is harmless.
            }
        }
    }
}
