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
    public void A_config_file_of_the_wrong_shape_is_one_line_and_exit_code_2(string json, string expected)
    {
        RunTool(["run", "--config", Config(json)]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain(expected);
        Error.TrimEnd().Split('\n').Should().ContainSingle(Error);
    }

    [Test]
    public void An_api_url_alone_is_told_to_add_the_web_url_by_its_option()
    {
        RunTool(["run", "--api-url", "http://127.0.0.1:9"]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain("The target is remote (--api-url is set) but --web-url is not set.").And.NotContain("Conformance:");
    }

    [Test]
    public void A_url_with_an_explicit_embedded_target_is_refused()
    {
        RunTool(["run", "--target", "embedded", "--web-url", "http://127.0.0.1:9"]).Should().Be(ExitCodes.BadUsage, Error);

        Error.Should().Contain("--target is 'embedded', but --web-url is set, which only a remote target uses.");
    }

    private string Config(string json)
    {
        var file = Path.Combine(Folder, "conformance.json");
        File.WriteAllText(file, json);
        return file;
    }
}
