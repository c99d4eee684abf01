using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Configuration;

/// <summary>
/// No setting is dropped in silence: an unknown key, a file without the section or of another
/// shape is one message that names the key and the nearest known one; a URL of a remote host makes
/// the target remote; and messages name a setting as the user gave it.
/// </summary>
public partial class ConformanceSettingsTests
{
    private static readonly KeyValuePair<string, string?>[] NoOptions = [];

    [Test]
    public void A_misspelled_key_in_the_file_is_refused_naming_it_and_the_nearest_key()
    {
        WriteFile("""{ "Conformance": { "Target": "remote", "ApiBaseUrl": "http://127.0.0.1:5080", "WebBaseUrl": "http://127.0.0.1:5081", "ControlURI": "http://127.0.0.1:5080" } }""");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().Equal(
            "ControlURI in conformance.json is not a setting: did you mean ControlUrl? (Keys starting with _ are comments.)");
    }

    [Test]
    public void A_key_nothing_resembles_is_refused_with_the_list_of_keys()
    {
        WriteFile("""{ "Conformance": { "Colour": "blue" } }""");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith("Colour in conformance.json is not a setting. The settings are Target, ApiBaseUrl, WebBaseUrl,");
    }

    [Test]
    public void Keys_starting_with_an_underscore_stay_comments_in_the_file_and_the_environment()
    {
        WriteFile("""{ "_comment": "top", "Conformance": { "_Target": "embedded or remote", "_urls": { "nested": [1, 2] }, "TimeoutSeconds": 12 } }""");
        Environment.SetEnvironmentVariable("Conformance___RunMarker", "abc");

        var settings = ConformanceSettings.Load(_root);

        settings.TimeoutSeconds.Should().Be(12);
        settings.IsEmbedded.Should().BeTrue();
    }

    [Test]
    public void A_misspelled_environment_variable_is_refused_in_its_own_spelling()
    {
        Environment.SetEnvironmentVariable("Conformance__ControlURI", "http://127.0.0.1:5080");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().Equal(
            "The environment variable Conformance__ControlURI is not a setting: did you mean Conformance__ControlUrl?");
    }

    [Test]
    public void A_variable_with_one_underscore_is_named_with_the_two_it_needs_not_ignored()
    {
        // The reports folder's variable shares the prefix and is not a setting: it stays unremarked.
        var reportsFolder = Environment.GetEnvironmentVariable("CONFORMANCE_REPORTS_DIR");
        Environment.SetEnvironmentVariable("Conformance_ApiBaseUrl", "http://127.0.0.1:5080");
        Environment.SetEnvironmentVariable("CONFORMANCE_REPORTS_DIR", reportsFolder ?? "reports");
        try
        {
            var load = () => ConformanceSettings.Load(_root);

            load.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().Equal(
                "The environment variable Conformance_ApiBaseUrl is not read: name it Conformance__ApiBaseUrl (two underscores).");
        }
        finally
        {
            Environment.SetEnvironmentVariable("Conformance_ApiBaseUrl", null);
            Environment.SetEnvironmentVariable("CONFORMANCE_REPORTS_DIR", reportsFolder);
        }
    }

    [Test]
    public void A_deviations_file_named_in_the_settings_file_is_found_beside_it_not_in_the_working_folder()
    {
        WriteFile("""{ "Conformance": { "Deviations": "deviations.json" } }""");
        File.WriteAllText(Path.Combine(_root, "deviations.json"), """[{ "id": "revoke.succeeds", "reason": "staging never revoked" }]""");

        var settings = ConformanceSettings.Load(_root);

        settings.Deviations.Should().Be(Path.Combine(_root, "deviations.json"));
        settings.KnownDeviations().Entries.Should().ContainSingle().Which.Id.Should().Be("revoke.succeeds");
    }

    [Test]
    public void A_file_without_the_conformance_section_is_refused()
    {
        WriteFile("""{ "ApiBaseUrl": "http://127.0.0.1:5080", "WebBaseUrl": "http://127.0.0.1:5081" }""");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().Which.Message.Should().Be(
            "The conformance settings cannot be used: " + Path.Combine(_root, "conformance.json")
            + " has no Conformance section, so none of its settings would be used. Put ApiBaseUrl, WebBaseUrl inside it: { \"Conformance\": { \"ApiBaseUrl\": \"…\" } } (see conformance.example.json).");
    }

    [Test]
    public void A_misspelled_section_is_named_with_the_right_one()
    {
        WriteFile("""{ "Conformence": { "ApiBaseUrl": "http://127.0.0.1:5080" } }""");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().WithMessage("*has no Conformance section*It has Conformence: did you mean Conformance?*");
    }

    [TestCase("""[ { "Conformance": {} } ]""", "holds an array, but a settings file is an object with a Conformance section")]
    [TestCase("\"remote\"", "holds a string, but a settings file is an object with a Conformance section")]
    [TestCase("""{ "Conformance": "remote" }""", "Conformance holds a string, but it must be an object of settings")]
    [TestCase("""{ "Conformance": [ "remote" ] }""", "Conformance holds an array, but it must be an object of settings")]
    [TestCase("""{ "Conformance": { "ApiBaseUrl": { "Url": "http://x" } } }""", "ApiBaseUrl in conformance.json holds an object, but it must be a string or a number.")]
    [TestCase("""{ "Conformance": { "AllowDestructive": [ true ] } }""", "AllowDestructive in conformance.json holds an array, but it must be true or false.")]
    public void A_file_of_the_wrong_json_shape_is_one_message(string json, string expected)
    {
        WriteFile(json);

        var load = () => ConformanceSettings.Load(_root);

        var problem = load.Should().Throw<ConformanceConfigurationException>().Which;
        problem.Message.Should().Contain(expected);
        problem.Message.Split('\n').Should().ContainSingle("one message, not one per key the binder met");
    }

    [TestCase("ApiBaseUrl")]
    [TestCase("WebBaseUrl")]
    public void A_url_of_a_remote_host_in_the_file_makes_the_target_remote(string key)
    {
        WriteFile($$"""{ "Conformance": { "{{key}}": "http://127.0.0.1:5080" } }""");

        var settings = ConformanceSettings.Load(_root);

        settings.IsRemote.Should().BeTrue("a URL given means that target is to be tested, never the embedded emulator");
        settings.Provenance.SourceOf(SettingKeys.Target).Should().Be(new SettingSource(SettingOrigin.Implied, $"{key} in conformance.json"));
        SettingsValidation.Problems(settings).Should().ContainSingle().Which.Should()
            .StartWith($"The target is remote ({key} in conformance.json is set) but ").And.Contain(" in conformance.json is not set.");
    }

    [Test]
    public void A_remote_only_setting_with_an_explicit_embedded_target_is_refused()
    {
        WriteFile("""{ "Conformance": { "Target": "embedded", "ApiBaseUrl": "http://127.0.0.1:5080" } }""");

        var settings = ConformanceSettings.Load(_root);

        SettingsValidation.Problems(settings).Should().Equal(
            "Target in conformance.json is 'embedded', but ApiBaseUrl in conformance.json is set, which only a remote target uses. Remove ApiBaseUrl in conformance.json, or set Target in conformance.json to 'remote' to test that target.");
    }

    [Test]
    public void Messages_name_an_option_for_an_option_and_an_environment_variable_for_an_environment_variable()
    {
        Environment.SetEnvironmentVariable("Conformance__ClientId", "app-1");
        var options = new Dictionary<string, string?> { ["Conformance:ApiBaseUrl"] = "http://127.0.0.1:5080", ["Conformance:TimeoutSeconds"] = "0" };

        var settings = ConformanceSettings.Load(null, optional: true, options);

        settings.IsRemote.Should().BeTrue();
        SettingsValidation.Problems(settings).Should().Equal(
            "--timeout-seconds is 0, but it must be between 1 and 600. Set it to the seconds one request may take, e.g. 10.",
            "The target is remote (--api-url is set) but --web-url is not set. Set it to the web host, e.g. https://www.klaviyo.com.",
            "Conformance__ClientId is set but --client-secret is not. Set the app's client secret too, or remove the client id.");
    }

    [Test]
    public void Without_the_tool_an_unset_setting_is_named_as_the_user_gives_the_others()
    {
        Environment.SetEnvironmentVariable("Conformance__ApiBaseUrl", "http://127.0.0.1:5080");

        var settings = ConformanceSettings.Load(_root);

        SettingsValidation.Problems(settings).Should().Equal(
            "The target is remote (Conformance__ApiBaseUrl is set) but Conformance__WebBaseUrl is not set. Set it to the web host, e.g. https://www.klaviyo.com.");
    }

    [Test]
    public void The_description_says_what_is_tested_and_where_each_setting_came_from_with_secrets_only_set()
    {
        var file = Path.Combine(_root, "settings.json");
        File.WriteAllText(file, """{ "Conformance": { "WebBaseUrl": "http://127.0.0.1:5081", "ClientSecret": "cs-canary-in-file" } }""");
        Environment.SetEnvironmentVariable("Conformance__ClientId", "app-1");
        var options = new Dictionary<string, string?> { ["Conformance:ApiBaseUrl"] = "http://127.0.0.1:5080", ["Conformance:RefreshToken"] = "klr_canary-option" };

        var lines = SettingsDescription.Lines(ConformanceSettings.Load(file, optional: false, options));

        lines.Should().StartWith("Testing the remote target: API http://127.0.0.1:5080, web http://127.0.0.1:5081, no control API.");
        string.Join("\n", lines).Should().NotContainAny("cs-canary-in-file", "klr_canary-option");
        lines.Should().Contain(l => l.Contains("Target") && l.EndsWith("remote  (implied by --api-url)", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("ApiBaseUrl") && l.EndsWith("http://127.0.0.1:5080  (option --api-url)", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("WebBaseUrl") && l.EndsWith($"http://127.0.0.1:5081  (file {file})", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("ClientId") && l.EndsWith("app-1  (environment Conformance__ClientId)", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("ClientSecret") && l.EndsWith($"set  (file {file})", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("RefreshToken") && l.EndsWith("set  (option --refresh-token)", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("Defaults: ", StringComparison.Ordinal) && l.Contains("TimeoutSeconds=10"));
    }

    [Test]
    public void The_description_of_the_embedded_target_says_so()
    {
        var lines = SettingsDescription.Lines(ConformanceSettings.Load(_root));

        lines[0].Should().Be("Testing the embedded emulator (started in this process; no remote endpoint is called).");
        lines.Should().NotContain(l => l.Contains("ApiBaseUrl"), "remote-only settings mean nothing to the embedded emulator");
    }

    [Test]
    public void A_missing_settings_file_given_on_purpose_is_refused_and_a_folder_too()
    {
        var missing = () => ConformanceSettings.Load(Path.Combine(_root, "nope.json"), optional: false, NoOptions);
        var folder = () => ConformanceSettings.Load(_root, optional: false, NoOptions);

        missing.Should().Throw<ConformanceConfigurationException>().WithMessage("*nope.json does not exist*");
        folder.Should().Throw<ConformanceConfigurationException>().WithMessage("*is a folder*");
    }
}
