namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The configured secrets — client secret, refresh and access tokens, the Basic credentials built
/// from them — are recognisable values this fixture provisioned; none may appear, whole or in part,
/// in anything a run leaves behind: console, TRX, living documentation, Cucumber messages,
/// conformance reports, JUnit, target.json.
/// </summary>
public sealed partial class TargetWithoutAControlApi
{
    /// <summary>Any 16 characters in a row of a secret count as a leak: a truncated or altered token still gives it away.</summary>
    private const int Fragment = 16;

    [Test]
    public void No_configured_secret_appears_in_any_output_of_a_passing_run()
    {
        ExpectEveryOutput(_run);
        OutputSearch.Leaks(_run.OutputFiles, _app.Secrets, Fragment).Should().BeEmpty();
        OutputSearch.Leaks(_destructiveRun.OutputFiles, _destructiveApp.Secrets, Fragment).Should().BeEmpty();
    }

    [Test]
    public void No_configured_secret_appears_in_the_evidence_of_a_failing_run()
    {
        _failingRun.ExitCode.Should().NotBe(0, "{0}", _failingRun);
        _failingRun.Results.Should().NotBeEmpty().And.OnlyContain(r => r.Failed, "{0}", _failingRun);
        var evidence = _failingRun.Conformance["token.refresh.not-found"].Scenarios.Select(s => s.Evidence).ToList();
        evidence.Should().AllSatisfy(e => e.Should().Contain("Unknown refresh token").And.Contain("refresh_token="));

        ExpectEveryOutput(_failingRun);
        OutputSearch.Leaks(_failingRun.OutputFiles, _failingApp.Secrets, Fragment).Should().BeEmpty();
    }

    [Test]
    public void Nothing_derived_from_a_configured_secret_appears_either()
    {
        OutputSearch.Base64Leaks(_run.OutputFiles, _app.Secrets, Fragment).Should().BeEmpty();
        OutputSearch.Leaks(_run.OutputFiles, OutputSearch.EscapedForms(_app.Secrets), Fragment).Should().BeEmpty();
    }

    [Test]
    public void Tags_and_step_text_reach_every_output_whole()
    {
        foreach (var run in new[] { _run, _failingRun })
        {
            OutputSearch.WordsCutByAMask(run.OutputFiles).Should().BeEmpty("{0}", run);
        }

        var messages = File.ReadAllText(_run.ReportFile("cucumber.ndjson"));
        OutputSearch.FeatureTags().Should().NotBeEmpty().And.OnlyContain(tag => messages.Contains($"\"{tag}\"", StringComparison.Ordinal));
    }

    [Test]
    public void The_search_finds_a_secret_where_there_is_one()
    {
        // The search itself can fail: the emulator handed these values out, so the test's own record has them.
        var record = Path.Combine(Path.GetTempPath(), $"secret-search-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(record, $"truncated: {_app.RefreshToken[..^5]}\nbasic: {_app.BasicCredentials}");
            OutputSearch.Leaks([record], _app.Secrets, Fragment).Should().HaveCount(2);
        }
        finally
        {
            File.Delete(record);
        }
    }

    private static void ExpectEveryOutput(SuiteRun run)
    {
        var names = run.OutputFiles.Select(Path.GetFileName).ToList();
        names.Should().Contain(["console.txt", "suite.trx", "living-doc.html", "cucumber.ndjson", "conformance.json", "conformance.md", "conformance.html", "junit.xml", "target.json"], "{0}", run);
    }
}
