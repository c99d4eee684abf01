using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// A misconfigured suite says what to fix, once, before any scenario runs — and the run fails.
/// No target is needed: the settings are refused before one would be contacted.
/// </summary>
[TestFixture]
public sealed class Misconfiguration
{
    private const string Valid = "http://127.0.0.1:9/";

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(
            new Dictionary<string, string> { ["Target"] = "remote", ["WebBaseUrl"] = Valid },
            "Conformance__Target is 'remote' but Conformance__ApiBaseUrl is not set.",
            "Conformance__ApiBaseUrl").SetName("A remote target without ApiBaseUrl is refused with one message naming the environment variables the user sets"),
        new TestCaseData(
            new Dictionary<string, string> { ["Target"] = "remote", ["ApiBaseUrl"] = "not a url", ["WebBaseUrl"] = Valid },
            "Conformance__ApiBaseUrl is 'not a url', which is not an absolute http or https URL.",
            "Conformance__ApiBaseUrl").SetName("A malformed ApiBaseUrl is refused with one message naming its environment variable"),
        new TestCaseData(
            new Dictionary<string, string> { ["Target"] = "cloud" },
            "Conformance__Target is 'cloud', which is not a target.",
            "Conformance__Target").SetName("An unknown Target is refused with one message naming its environment variable"),
        new TestCaseData(
            new Dictionary<string, string> { ["Target"] = "remote", ["ApiBaseUrl"] = Valid, ["WebBaseUrl"] = Valid, ["ControlURI"] = Valid },
            "The environment variable Conformance__ControlURI is not a setting: did you mean Conformance__ControlUrl?",
            "Conformance__ControlUrl").SetName("A misspelled key is refused with one message naming it and the nearest key, never dropped in silence"),
        new TestCaseData(
            new Dictionary<string, string> { ["Target"] = "embedded", ["ControlUrl"] = Valid },
            "Conformance__Target is 'embedded', but Conformance__ControlUrl is set, which only a remote target uses.",
            "Conformance__ControlUrl").SetName("A remote-only setting with an explicit embedded target is refused"),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Refused(Dictionary<string, string> settings, string sentence, string environmentVariable)
    {
        var run = await SuiteRun.ExecuteAsync(settings);

        run.ExitCode.Should().NotBe(0, "{0}", run);
        run.Results.Should().NotContain(r => r.Passed, "no scenario ran; {0}", run);
        run.Results.Should().ContainSingle("the whole run is one failing test that stands for the misconfiguration; {0}", run)
            .Which.Message.Should().Contain(sentence).And.Contain(environmentVariable);
        Occurrences(run.ConsoleOutput, sentence).Should().Be(1, "the console says it once; {0}", run);
        run.ConsoleOutput.Should().Contain(environmentVariable);

        // No exception noise from where the settings were read: no exception type, no frames of the
        // configuration or target code (NUnit still prints one frame of the runner: see the report).
        run.ConsoleOutput.Should().NotContain("ConformanceConfigurationException")
            .And.NotContain("at Klaviyo.OAuth.Conformance.Configuration")
            .And.NotContain("at Klaviyo.OAuth.Conformance.Targets")
            .And.NotContain("at Microsoft.Extensions.Configuration");
        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task A_misconfigured_run_with_a_filter_still_fails_with_the_message()
    {
        var run = await SuiteRun.ExecuteAsync(new Dictionary<string, string> { ["Target"] = "remote" }, filter: "Category=api.succeeds");

        run.ExitCode.Should().NotBe(0, "{0}", run);
        run.ConsoleOutput.Should().Contain("Conformance__Target is 'remote' but Conformance__ApiBaseUrl is not set.");
    }

    private static int Occurrences(string text, string sentence) => Regex.Count(text, Regex.Escape(sentence));
}
