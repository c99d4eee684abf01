using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// A reachable target without a control API (the standalone emulator run with --no-control-api), and
/// only some keys set. Each scenario runs when the target offers what it uses: with only the app's
/// id and secret, the invalid-client, grant-type and wrong-host scenarios run; with no keys at all,
/// the wrong-host ones. Whatever is not verified is said, with the keys that would verify it. A run
/// that verified nothing fails, so a CI job whose secrets went missing does not stay green.
/// </summary>
[TestFixture]
public sealed partial class RunsWithFewKeys
{
    private static readonly string[] NeedOnlyIdAndSecret = ["token.invalid-client", "revoke.invalid-client", "token.unsupported-grant-type", "revoke.invalid-request", "token.refresh.missing-token"];

    private static readonly string[] NeedOnlyTheWebHost = ["token.wrong-host", "revoke.wrong-host"];

    private StandaloneEmulator _emulator = null!;
    private SuiteRun _idAndSecret = null!;
    private SuiteRun _noKeys = null!;
    private SuiteRun _secretsMissing = null!;

    [OneTimeSetUp]
    public async Task RunWithFewKeysAsync()
    {
        _emulator = await StandaloneEmulator.StartAsync(controlApi: false);
        var (clientId, clientSecret) = DemoClient(_emulator.Output);
        var runs = await Task.WhenAll(
            SuiteRun.ExecuteAsync(Hosts(("ClientId", clientId), ("ClientSecret", clientSecret))),
            SuiteRun.ExecuteAsync(Hosts()),
            SuiteRun.ExecuteAsync(Hosts(), filter: "Category=token.invalid-client|Category=api.not-authenticated"));
        (_idAndSecret, _noKeys, _secretsMissing) = (runs[0], runs[1], runs[2]);
    }

    [OneTimeTearDown]
    public void Stop() => _emulator?.Dispose();

    [Test]
    public void With_only_id_and_secret_the_client_grant_type_and_wrong_host_scenarios_run_and_pass()
    {
        foreach (var id in NeedOnlyIdAndSecret.Concat(NeedOnlyTheWebHost))
        {
            _idAndSecret.Conformance[id].Verdict.Should().Be("satisfied", "{0} needs only the app's id and secret, or nothing; {1}", id, _idAndSecret);
        }

        _idAndSecret.Results.Should().NotContain(r => r.Failed, "{0}", _idAndSecret);
        _idAndSecret.ExitCode.Should().Be(0, "every verified behaviour is satisfied; {0}", _idAndSecret);
    }

    [Test]
    public void With_only_id_and_secret_the_rest_is_skipped_with_the_keys_that_would_run_it()
    {
        var code = _idAndSecret.Conformance["token.code-exchange.succeeds"];
        code.Verdict.Should().Be("not-verified");
        code.Reasons.Should().ContainSingle().Which.Should().Contain("@needs-redirect-uri").And.Contain("Conformance:RedirectUri");
        _idAndSecret.Conformance["token.refresh.not-found"].Reasons.Should().Contain(r => r.Contains("Conformance:RefreshToken", StringComparison.Ordinal));
        _idAndSecret.ConsoleOutput.Should().Contain("To verify the").And.Contain("Conformance:RedirectUri").And.Contain("Conformance:RefreshToken");
    }

    [Test]
    public void With_no_keys_the_wrong_host_scenarios_run_and_the_run_says_what_was_not_verified_and_which_keys_to_set()
    {
        foreach (var id in NeedOnlyTheWebHost)
        {
            _noKeys.Conformance[id].Verdict.Should().Be("satisfied", "{0} needs only the web host; {1}", id, _noKeys);
        }

        _noKeys.Conformance.Behaviours.Where(b => !NeedOnlyTheWebHost.Contains(b.Id)).Should().OnlyContain(b => b.Verdict == "not-verified");
        _noKeys.ConsoleOutput.Should().Contain("token.invalid-client").And.Contain("not verified")
            .And.Contain("Conformance:ClientId").And.Contain("Conformance:ClientSecret");
        // The wrong-host behaviours are documented ones, so this run verified something: it passes.
        _noKeys.ExitCode.Should().Be(0, "{0}", _noKeys);
    }

    [Test]
    public void A_run_that_verified_nothing_fails_saying_why_and_which_keys_to_set()
    {
        _secretsMissing.Results.Should().NotBeEmpty().And.OnlyContain(r => r.Skipped, "{0}", _secretsMissing);
        _secretsMissing.ExitCode.Should().NotBe(0, "a run that verified nothing must not stay green; {0}", _secretsMissing);
        _secretsMissing.ConsoleOutput.Should().Contain("no documented behaviour was verified")
            .And.Contain("Conformance:ClientId").And.Contain("Conformance:AccessToken");
        _secretsMissing.Conformance.Behaviours.Should().NotContain(b => b.Verdict == "not-satisfied");
    }

    [Test]
    public void The_console_prints_the_summary_once()
    {
        foreach (var run in new[] { _idAndSecret, _noKeys, _secretsMissing })
        {
            Regex.Matches(run.ConsoleOutput, @"^Conformance \(remote target, \d+ scenarios\)", RegexOptions.Multiline).Should().ContainSingle("{0}", run);
        }
    }

    [Test]
    public void Each_scenario_is_reported_once_and_the_verdict_summary_ends_the_run()
    {
        foreach (var run in new[] { _idAndSecret, _noKeys })
        {
            var lines = run.ConsoleOutput.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
            var resultLines = lines.Select((line, index) => (line, index)).Where(l => ResultLine().IsMatch(l.line)).ToList();
            resultLines.Select(l => ResultLine().Match(l.line).Groups["name"].Value).Should().OnlyHaveUniqueItems("{0}", run)
                .And.HaveCount(run.Results.Count, "one line per scenario, the test logger's; {0}", run);
            lines.Should().NotContain(line => line.StartsWith("  ✓ ", StringComparison.Ordinal) || line.EndsWith("(skipped)", StringComparison.Ordinal), "{0}", run);
            var summary = lines.FindIndex(line => line.StartsWith("Conformance (remote target", StringComparison.Ordinal));
            summary.Should().BeGreaterThan(resultLines.Max(l => l.index), "the summary comes after the last scenario; {0}", run);
        }
    }

    private Dictionary<string, string> Hosts(params (string Key, string Value)[] keys)
    {
        var settings = new Dictionary<string, string>
        {
            ["Target"] = "remote",
            ["ApiBaseUrl"] = _emulator.ApiUrl.AbsoluteUri,
            ["WebBaseUrl"] = _emulator.WebUrl.AbsoluteUri,
            // Three suites start at once beside the emulator: on a loaded machine its first answer may be slow.
            ["TimeoutSeconds"] = "30",
        };
        foreach (var (key, value) in keys)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The demo app the standalone emulator registers and prints at start (its only app without a control API).</summary>
    private static (string ClientId, string ClientSecret) DemoClient(string output)
    {
        var id = ClientIdLine().Match(output);
        var secret = ClientSecretLine().Match(output);
        id.Success.Should().BeTrue("the emulator prints its demo client; it printed:{0}{1}", Environment.NewLine, output);
        secret.Success.Should().BeTrue();
        return (id.Groups[1].Value, secret.Groups[1].Value);
    }

    [GeneratedRegex(@"^  (Passed|Failed|Skipped) (?<name>.+?)( \[[^\]]+\])?$")]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"client_id\s+(\S+)")]
    private static partial Regex ClientIdLine();

    [GeneratedRegex(@"client_secret\s+(\S+)")]
    private static partial Regex ClientSecretLine();
}
