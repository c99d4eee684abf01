using System.Collections;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Configuration;

// Load(root) reads the process environment: these tests set Conformance__* variables, so they run
// alone, and clear any the outer environment set (a CI run in remote mode sets them) until they end.
[NonParallelizable]
public partial class ConformanceSettingsTests
{
    private const string Prefix = "Conformance__";

    private Dictionary<string, string> _outerEnvironment = [];
    private string _root = null!;

    [SetUp]
    public void IsolateEnvironmentAndRoot()
    {
        _outerEnvironment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        foreach (var name in _outerEnvironment.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        _root = Directory.CreateTempSubdirectory("conformance-settings-").FullName;
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)))
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in _outerEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void Without_a_file_or_variables_the_target_is_the_embedded_emulator_with_safe_defaults()
    {
        var settings = ConformanceSettings.Load(_root);

        settings.Target.Should().Be("embedded");
        settings.IsEmbedded.Should().BeTrue();
        settings.TimeoutSeconds.Should().Be(10);
        settings.AllowDestructive.Should().BeFalse();
        settings.StrictAdvisory.Should().BeFalse();
        settings.ApiBaseUrl.Should().BeNull();
    }

    [Test]
    public void The_conformance_object_of_conformance_json_at_the_root_is_read()
    {
        WriteFile("""
            { "Conformance": { "Target": "remote", "ApiBaseUrl": "http://127.0.0.1:5080", "WebBaseUrl": "http://127.0.0.1:5081",
              "ControlUrl": "http://127.0.0.1:5080", "ClientId": "id-1", "ClientSecret": "secret-1", "RedirectUri": "https://app/cb",
              "RefreshToken": "rt-1", "AccessToken": "at-1", "AllowDestructive": true, "TimeoutSeconds": 25, "StrictAdvisory": true } }
            """);

        var settings = ConformanceSettings.Load(_root);

        settings.IsRemote.Should().BeTrue();
        settings.ApiBaseUrl.Should().Be("http://127.0.0.1:5080");
        settings.WebBaseUrl.Should().Be("http://127.0.0.1:5081");
        settings.ControlUrl.Should().Be("http://127.0.0.1:5080");
        settings.ClientId.Should().Be("id-1");
        settings.ClientSecret.Should().Be("secret-1");
        settings.RedirectUri.Should().Be("https://app/cb");
        settings.RefreshToken.Should().Be("rt-1");
        settings.AccessToken.Should().Be("at-1");
        settings.AllowDestructive.Should().BeTrue();
        settings.TimeoutSeconds.Should().Be(25);
        settings.StrictAdvisory.Should().BeTrue();
    }

    [Test]
    public void Environment_variables_override_the_file()
    {
        WriteFile("""{ "Conformance": { "Target": "remote", "ApiBaseUrl": "http://from-file", "TimeoutSeconds": 25 } }""");
        Environment.SetEnvironmentVariable("Conformance__ApiBaseUrl", "http://from-environment");
        Environment.SetEnvironmentVariable("Conformance__AllowDestructive", "true");

        var settings = ConformanceSettings.Load(_root);

        settings.ApiBaseUrl.Should().Be("http://from-environment");
        settings.AllowDestructive.Should().BeTrue();
        settings.TimeoutSeconds.Should().Be(25, "what the environment does not set still comes from the file");
    }

    [Test]
    public void A_file_that_is_not_json_is_refused_naming_the_file()
    {
        WriteFile("{ \"Conformance\": { \"Target\": ");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().WithMessage("*conformance.json is not valid JSON*");
    }

    [Test]
    public void A_timeout_that_is_not_a_number_is_refused_naming_the_key()
    {
        Environment.SetEnvironmentVariable("Conformance__TimeoutSeconds", "ten");

        var load = () => ConformanceSettings.Load(_root);

        load.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().Equal(
            "Conformance__TimeoutSeconds is 'ten', which is not a whole number of seconds, e.g. 10.");
    }

    [Test]
    public void Switches_that_are_not_true_or_false_are_all_refused_at_once()
    {
        var load = () => ConformanceSettings.Load(InMemory(("AllowDestructive", "yes"), ("StrictAdvisory", "1")));

        load.Should().Throw<ConformanceConfigurationException>().Which.Problems.Should().HaveCount(2)
            .And.Contain(p => p.StartsWith("Conformance:AllowDestructive is 'yes', which is not true or false.", StringComparison.Ordinal));
    }

    [TestCase("remote", true)]
    [TestCase("Remote", true)]
    [TestCase("REMOTE", true)]
    [TestCase("embedded", false)]
    public void The_target_name_is_case_insensitive(string target, bool remote)
    {
        var settings = ConformanceSettings.Load(InMemory(("Target", target)));

        settings.IsRemote.Should().Be(remote);
        settings.IsEmbedded.Should().Be(!remote);
    }

    [Test]
    public void Any_configuration_can_be_bound_through_the_overload()
    {
        var settings = ConformanceSettings.Load(InMemory(("ApiBaseUrl", "https://a.klaviyo.com"), ("TimeoutSeconds", "3")));

        settings.ApiBaseUrl.Should().Be("https://a.klaviyo.com");
        settings.TimeoutSeconds.Should().Be(3);
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Test]
    public void Describe_says_whether_secrets_are_set_but_never_shows_them()
    {
        var settings = new ConformanceSettings
        {
            Target = "remote",
            ApiBaseUrl = "https://a.klaviyo.com",
            ClientId = "client-visible",
            ClientSecret = "cs-7f3a9e1b2c",
            RefreshToken = "klr_9d8c7b6a5f4e",
            AccessToken = null,
        };

        var text = settings.Describe();

        text.Should().NotContainAny("cs-7f3a9e1b2c", "klr_9d8c7b6a5f4e");
        text.Should().Contain("ClientSecret=set").And.Contain("RefreshToken=set").And.Contain("AccessToken=not set");
        text.Should().Contain("https://a.klaviyo.com").And.Contain("client-visible");
        settings.ToString().Should().Be(text);
    }

    private static IConfiguration InMemory(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Conformance:" + v.Key, v.Value)))
            .Build();

    private void WriteFile(string json) => File.WriteAllText(Path.Combine(_root, "conformance.json"), json);
}
