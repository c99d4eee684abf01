using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// <c>run --sign-in</c> against the standalone emulator with no control URL, the app registered out
/// of band as for the real Klaviyo, and a person played by Playwright in Chromium on the emulator's
/// own sign-in and consent pages. Signed in to a separate account, the catalogue verifies what needs
/// an approval and runs the destructive checks on the sign-in's own tokens; signed in to the
/// configured tokens' account, those checks are held back.
/// </summary>
[TestFixture]
public sealed class AssistedSignIn
{
    private StandaloneEmulator _emulator = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private InstalledApp _app = null!;
    private SignInRun _separate = null!;

    [OneTimeSetUp]
    public async Task SignInToASeparateAccountAndRunTheCatalogueAsync()
    {
        var chromium = HeadlessChromium.Require();
        _emulator = await StandaloneEmulator.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, chromium);
        // Registered and installed by hand (here: through the emulator's control API, which the suite is never told of).
        _app = await InstalledApp.InstallAsync(_emulator, Loopback.Url(Loopback.FreePort()).AbsoluteUri + "callback");
        _separate = await SignInRun.ExecuteAsync(_browser, _emulator, _app, account: null, paste: false);
        TestContext.Progress.WriteLine(_separate.Output);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _emulator?.Dispose();
    }

    [Test]
    public void Signed_in_to_a_separate_account_the_approvals_and_the_destructive_checks_are_verified_and_nothing_fails()
    {
        var conformance = _separate.Conformance;
        _separate.ExitCode.Should().Be(0, "{0}", _separate);
        conformance.Behaviours.Should().NotContain(b => b.Verdict == "not-satisfied" || b.Verdict == "advisory-not-met", "{0}", _separate);
        var verified = conformance.Behaviours.Where(b => b.Verdict == "satisfied").Select(b => b.Id).ToList();
        verified.Should().Contain(
            ["token.code-exchange.succeeds", "token.pkce.challenge-failed", "token.pkce.invalid-verifier", "rfc7636.s256-vector", "rfc6749.no-store",
             "revoke.succeeds", "rfc6585.retry-after", "token.refresh.rate-limited"],
            "{0}", _separate);
        verified.Count.Should().BeGreaterThanOrEqualTo(22, "14 without the sign-in, and 8 more with it; {0}", _separate);
    }

    [Test]
    public void Each_approval_says_what_it_is_for_and_prints_its_url_whole_on_a_line_of_its_own()
    {
        var lines = _separate.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var asked = lines.Select(l => Regex.Match(l, "^Sign-in needed — approval (\\d+) of at most (\\d+): .+")).Where(m => m.Success).ToList();
        asked.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Should().Equal(Enumerable.Range(1, _separate.Approvals), "each approval says its rank");
        asked.Select(m => m.Groups[2].Value).Distinct().Should().ContainSingle("the total is known before the first approval")
            .Which.Should().Match(total => int.Parse(total, CultureInfo.InvariantCulture) >= _separate.Approvals);
        lines.Where(l => l.Contains("/oauth/authorize?", StringComparison.Ordinal)).Should()
            .HaveCount(_separate.Approvals).And.OnlyContain(l => l.StartsWith(_emulator.WebUrl.AbsoluteUri, StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal));
        // Each of these scenarios exchanges an approved code; the destructive ones need token sets of their own besides.
        string[] exchangingACode = ["token.pkce.challenge-failed", "token.pkce.invalid-verifier", "token.code-exchange.succeeds", "rfc7636.s256-vector"];
        var needingAnApproval = _separate.Conformance.Behaviours.Where(b => exchangingACode.Contains(b.Id)).Sum(b => b.Scenarios.Count);
        _separate.Approvals.Should().BeLessThan(needingAnApproval, "a code the target did not spend on a refused exchange serves the next scenario, and a set a code exchange issued serves a destructive one");
    }

    [Test]
    public void The_run_ends_by_revoking_the_throwaway_token_sets_and_the_report_says_so()
    {
        _separate.Conformance.SignIn.Should().MatchRegex(@"^\d+ approvals; (\d+) throwaway token sets obtained, \1 revoked at the end of the run\.$");
        _separate.Output.Should().Contain("Sign-in: " + _separate.Conformance.SignIn);
    }

    [Test]
    public void Every_behaviour_still_not_verified_names_the_power_it_needs()
    {
        var notVerified = _separate.Conformance.Behaviours.Where(b => b.Verdict == "not-verified").ToList();
        notVerified.Should().NotBeEmpty().And.OnlyContain(
            b => b.Reasons.Count > 0 && b.Reasons.All(r => Regex.IsMatch(r, "needs (the clock|an outage|a role|the customer's uninstall)")),
            "{0}", string.Join(Environment.NewLine, notVerified.Select(b => $"{b.Id}: {string.Join(" | ", b.Reasons)}")));
    }

    [Test]
    public async Task With_a_redirect_uri_nothing_listens_on_the_person_pastes_the_url_and_the_state_is_checked()
    {
        var app = await InstalledApp.InstallAsync(_emulator, "https://app.example.test/callback");
        var run = await SignInRun.ExecuteAsync(_browser, _emulator, app, account: null, paste: true, filter: "Category=token.code-exchange.succeeds|Category=token.pkce.challenge-failed");

        run.ExitCode.Should().Be(0, "{0}", run);
        run.Output.Should().Contain("Paste the URL your browser was sent to");
        run.Output.Should().MatchRegex("Sign-in needed — approval 1 of at most 2: ", "the refused exchanges share one approval, the successful one needs its own");
        run.Conformance["token.code-exchange.succeeds"].Verdict.Should().Be("satisfied", "{0}", run);
        run.Conformance["token.pkce.challenge-failed"].Verdict.Should().Be("satisfied", "{0}", run);
    }

    [Test]
    public async Task Signed_in_to_the_configured_tokens_account_the_destructive_checks_are_held_back()
    {
        var app = await InstalledApp.InstallAsync(_emulator, Loopback.Url(Loopback.FreePort()).AbsoluteUri + "callback");
        var run = await SignInRun.ExecuteAsync(_browser, _emulator, app, account: app.AccountId, paste: false, filter: "Category=revoke.succeeds|Category=rfc6585.retry-after");

        run.ExitCode.Should().Be(0, "{0}", run);
        run.Output.Should().Contain("Sign in with a separate test account.");
        foreach (var id in new[] { "revoke.succeeds", "rfc6585.retry-after" })
        {
            run.Conformance[id].Verdict.Should().Be("not-verified", "{0}", run);
            run.Conformance[id].Reasons.Should().ContainSingle().Which.Should().Contain("sign in with a separate test account");
        }

        (await RefreshAsync(app)).Should().Be(HttpStatusCode.OK, "the configured refresh token was neither revoked nor rate limited");
    }

    private Task<HttpStatusCode> RefreshAsync(InstalledApp app) => app.RefreshAsync(_emulator);
}
