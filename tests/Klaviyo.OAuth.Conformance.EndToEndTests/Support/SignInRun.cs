using System.Threading.Channels;
using Klaviyo.OAuth.Conformance.Testing;
using Microsoft.Playwright;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// One <c>klaviyo-oauth-conformance run --sign-in</c> (the built tool, in a child process) with a
/// person played by Playwright: each authorize URL the tool prints on a line of its own is opened in
/// Chromium, the person signs in on the emulator's page (to <see cref="Account"/>, or a new account)
/// as an owner and allows the app. The redirect reaches the suite's loopback listener, or, for a
/// redirect URI nothing listens on, the person pastes the URL the browser was sent to.
/// </summary>
public sealed class SignInRun
{
    private SignInRun(int exitCode, string output, string reports, int approvals)
    {
        ExitCode = exitCode;
        Output = output;
        ReportsDirectory = reports;
        Approvals = approvals;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string ReportsDirectory { get; }

    /// <summary>How many authorize URLs the person opened.</summary>
    public int Approvals { get; }

    public ConformanceJson Conformance => ConformanceJson.Read(Path.Combine(ReportsDirectory, "conformance.json"));

    /// <param name="account">The account to sign in to; null for a new (separate) account.</param>
    /// <param name="paste">The redirect URI is not a loopback listener: the person pastes where the browser went.</param>
    public static async Task<SignInRun> ExecuteAsync(
        IBrowser browser, StandaloneEmulator emulator, InstalledApp app, string? account, bool paste, string? filter = null, bool configuredTokens = true)
    {
        var work = Directory.CreateTempSubdirectory("sign-in-run-");
        var reports = Path.Combine(work.FullName, "reports");
        List<string> arguments =
        [
            BuiltArtifacts.ToolAssembly, "run", "--sign-in", "--out", reports,
            "--api-url", emulator.ApiUrl.AbsoluteUri, "--web-url", emulator.WebUrl.AbsoluteUri,
            "--client-id", app.ClientId, "--client-secret", app.ClientSecret, "--redirect-uri", app.RedirectUri,
        ];
        if (configuredTokens)
        {
            arguments.AddRange(["--refresh-token", app.RefreshToken, "--access-token", app.AccessToken]);
        }

        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }

        // Nothing of this machine's settings leaks in; no desktop, so no browser is opened but Playwright's.
        var environment = new Dictionary<string, string?> { ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null };
        foreach (var variable in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(v => v.StartsWith("Conformance__", StringComparison.Ordinal)))
        {
            environment[variable] = null;
        }

        var urls = Channel.CreateUnbounded<string>();
        using var tool = ChildProcess.Start(DotnetHost.Path, arguments, work.FullName, environment, withInput: true);
        tool.LineReceived += line =>
        {
            if (line.StartsWith(emulator.WebUrl.AbsoluteUri + "oauth/authorize?", StringComparison.Ordinal))
            {
                urls.Writer.TryWrite(line);
            }
        };

        await using var context = await browser.NewContextAsync();
        if (account is not null)
        {
            // The sign-in page lists only the latest accounts, and fixtures beside this one create many:
            // the person signs in to their own account by posting the page's form, in the same browser.
            var signedIn = await context.APIRequest.PostAsync(emulator.WebUrl.AbsoluteUri + "login", new() { Form = context.APIRequest.CreateFormData().Set("account", account).Set("role", "owner"), MaxRedirects = 0 });
            if (signedIn.Status != 200)
            {
                throw new InvalidOperationException($"Signing in to account {account} answered {signedIn.Status}.");
            }
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(HeadlessChromium.PlaywrightTimeoutMs);
        if (paste)
        {
            await page.RouteAsync(app.RedirectUri + "**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<h1>The app's callback</h1>" }));
        }

        var exited = tool.WaitForExitAsync(TimeSpan.FromMinutes(8));
        var approvals = 0;
        while (true)
        {
            var next = urls.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(next, exited) == exited)
            {
                break;
            }

            var url = await urls.Reader.ReadAsync();
            approvals++;
            await ApproveAsync(page, url, app.RedirectUri, account);
            if (paste)
            {
                await tool.TypeLineAsync(page.Url);
            }
        }

        if (!await exited)
        {
            throw new TimeoutException($"run --sign-in did not end within 8 minutes. Its output:{Environment.NewLine}{tool.Output}");
        }

        return new SignInRun(tool.ExitCode, tool.Output, reports, approvals);
    }

    // The person: signs in when asked (owner; the given account or a new one), allows the app, and lands on the redirect URI.
    private static async Task ApproveAsync(IPage page, string url, string redirectUri, string? account)
    {
        await page.GotoAsync(url);
        if (new Uri(page.Url).AbsolutePath == "/login")
        {
            await page.Locator($"input[name=account][value=\"{account ?? "new"}\"]").CheckAsync();
            await page.Locator("select[name=role]").SelectOptionAsync("owner");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync("**/oauth/authorize?**");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForURLAsync(redirectUri + "**");
    }

    public override string ToString() => $"run --sign-in exited {ExitCode} after {Approvals} approvals. Its output:{Environment.NewLine}{Output}";
}
