using FluentAssertions;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>run</c> never tests the embedded emulator when the user meant their endpoint: a settings file
/// it cannot fully use, or options that contradict each other, are refused before any scenario runs,
/// with one message in the words the user typed, and exit code 2.
/// </summary>
[NonParallelizable]
public sealed class RunCommandSettingsTests : ToolCommandTests
{
    [Test]
    public void A_misspelled_key_in_the_config_file_is_refused_with_the_nearest_key()
    {
        var file = Config("""{ "Conformance": { "ApiBaseUrl": "http://127.0.0.1:9", "WebBaseUrl": "http://127.0.0.1:9", "ControlURI": "http://127.0.0.1:9" } }""");

        RunTool(["run", "--config", file, "--out", Path.Combine(Folder, "reports")]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain("ControlURI in conformance.json is not a setting: did you mean ControlUrl?").And.NotContain("   at ");
        Directory.Exists(Path.Combine(Folder, "reports")).Should().BeFalse("no scenario ran");
    }

    [TestCase("[ 1, 2 ]", "holds an array")]
    [TestCase("\"remote\"", "holds a string")]
    [TestCase("""{ "Conformance": [ "remote" ] }""", "Conformance holds an array")]
    [TestCase("""{ "ApiBaseUrl": "http://127.0.0.1:9" }""", "has no Conformance section")]
    [TestCase("""{ "Conformance": { "ApiBaseUrl": "http://127.0.0.1:9" }""", "conformance.json is not valid JSON at line 1, column 56: ")]
    public void A_config_file_of_the_wrong_shape_is_one_line_and_exit_code_2(string json, string expected)
    {
        RunTool(["run", "--config", Config(json)]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().StartWith("The conformance settings cannot be used: ").And.Contain(expected).And.NotContain("LineNumber").And.NotContain("remove it");
        Error.TrimEnd().Split('\n').Should().ContainSingle(Error);
    }

    [Test]
    public void An_api_url_alone_is_told_to_add_the_web_url_by_its_option()
    {
        RunTool(["run", "--api-url", "http://127.0.0.1:9"]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Be("The conformance settings cannot be used: The target is remote (--api-url is set) but --web-url is not set. Set it to the web host, e.g. https://www.klaviyo.com."
            + Environment.NewLine, "the settings' own message, once");
    }

    [Test]
    public void A_url_with_an_explicit_embedded_target_is_refused()
    {
        RunTool(["run", "--target", "embedded", "--web-url", "http://127.0.0.1:9"]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain("--target is 'embedded', but --web-url is set, which only a remote target uses.");
    }

    [Test]
    public void A_host_without_its_scheme_is_told_the_urls_to_give_and_a_near_target_is_named()
    {
        RunTool(["run", "--target", "remot"]).Should().Be(ExitCodes.BadUsage, Error);
        RunTool(["run", "--api-url", "127.0.0.1:5080", "--web-url", "notaurl"]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain("--target is 'remot', which is not a target (did you mean 'remote'?).")
            .And.Contain("--api-url is '127.0.0.1:5080', which has no scheme. Set it to http://127.0.0.1:5080 or https://127.0.0.1:5080.")
            .And.Contain("--web-url is 'notaurl', which is not an absolute http or https URL.");
    }

    [Test]
    public void Sign_in_against_the_embedded_emulator_is_refused_as_a_setting_it_would_ignore()
    {
        RunTool(["run", "--sign-in"]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().StartWith("The conformance settings cannot be used: --sign-in is on, but the target is the embedded emulator")
            .And.Contain("Set --api-url and --web-url to sign in to a remote target, or remove --sign-in.");
        Output.Should().BeEmpty("no scenario ran");
    }

    [Test]
    public void A_missing_config_file_points_to_an_example_that_exists_wherever_the_tool_runs()
    {
        RunTool(["run", "--config", Path.Combine(Folder, "missing.json")]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain("missing.json does not exist. Give the path of a settings file (see ");
        var example = Error[(Error.IndexOf("(see ", StringComparison.Ordinal) + 5)..Error.LastIndexOf(')')];
        File.Exists(example).Should().BeTrue(example);
        File.ReadAllText(example).Should().Contain("\"Conformance\"");
    }

    [Test]
    public void A_deviations_file_that_cannot_be_used_is_named_by_its_option()
    {
        var file = Path.Combine(Folder, "deviations.json");
        File.WriteAllText(file, """[{ "id": "token.nope", "reason": "r" }]""");

        RunTool(["run", "--deviations", file]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain($"--deviations: {file}, entry 1: \"token.nope\" is not a behaviour of the catalogue").And.NotContain("Conformance:");
    }

    private string Config(string json)
    {
        var file = Path.Combine(Folder, "conformance.json");
        File.WriteAllText(file, json);
        return file;
    }
}
