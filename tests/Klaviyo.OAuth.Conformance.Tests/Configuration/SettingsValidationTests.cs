using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Configuration;

public class SettingsValidationTests
{
    [Test]
    public void The_defaults_have_no_problems() =>
        SettingsValidation.Problems(new ConformanceSettings()).Should().BeEmpty();

    [Test]
    public void For_the_embedded_target_a_remote_only_setting_is_a_problem_not_ignored()
    {
        var settings = new ConformanceSettings { Target = "embedded", ClientId = "id-without-secret", RefreshToken = "klr_orphan-token" };

        SettingsValidation.Problems(settings).Should().Equal(
            "Conformance:ClientId, Conformance:RefreshToken are set, which only a remote target uses, but the target is the embedded emulator and would ignore them. "
            + "Set Conformance:ApiBaseUrl and Conformance:WebBaseUrl (environment: Conformance__ApiBaseUrl, Conformance__WebBaseUrl) to test a remote target, or remove Conformance:ClientId, Conformance:RefreshToken.");
    }

    [Test]
    public void A_complete_remote_configuration_has_no_problems() =>
        SettingsValidation.Problems(RemoteSettings.RealApp()).Should().BeEmpty();

    [Test]
    public void A_remote_target_with_only_its_urls_and_a_control_url_has_no_problems() =>
        SettingsValidation.Problems(RemoteSettings.Urls(control: "http://127.0.0.1:5080")).Should().BeEmpty();

    [Test]
    public void A_remote_target_without_an_api_url_is_told_what_to_set()
    {
        var settings = RemoteSettings.Urls();
        settings.ApiBaseUrl = null;

        SettingsValidation.Problems(settings).Should().Equal(
            "Conformance:Target is 'remote' but Conformance:ApiBaseUrl is not set. Set it to the API host, e.g. https://a.klaviyo.com (environment: Conformance__ApiBaseUrl).");
    }

    [Test]
    public void A_remote_target_without_a_web_url_is_told_what_to_set()
    {
        var settings = RemoteSettings.Urls();
        settings.WebBaseUrl = " ";

        SettingsValidation.Problems(settings).Should().Equal(
            "Conformance:Target is 'remote' but Conformance:WebBaseUrl is not set. Set it to the web host, e.g. https://www.klaviyo.com (environment: Conformance__WebBaseUrl).");
    }

    [TestCase("ApiBaseUrl", "ftp://a.klaviyo.com")]
    [TestCase("WebBaseUrl", "/oauth")]
    [TestCase("WebBaseUrl", "klaviyo")]
    public void A_url_that_is_not_absolute_http_or_https_is_named_with_its_value(string key, string value)
    {
        var settings = RemoteSettings.Urls(control: "http://127.0.0.1:5080");
        typeof(ConformanceSettings).GetProperty(key)!.SetValue(settings, value);

        SettingsValidation.Problems(settings).Should().ContainSingle().Which.Should()
            .StartWith($"Conformance:{key} is '{value}', which is not an absolute http or https URL.")
            .And.EndWith($"(environment: Conformance__{key}).");
    }

    [TestCase("ApiBaseUrl", "a.klaviyo.com")]
    [TestCase("WebBaseUrl", "www.klaviyo.com:443")]
    [TestCase("ControlUrl", "127.0.0.1:5080")]
    public void A_host_without_its_scheme_is_told_both_urls_it_may_mean(string key, string value)
    {
        var settings = RemoteSettings.Urls(control: "http://127.0.0.1:5080");
        typeof(ConformanceSettings).GetProperty(key)!.SetValue(settings, value);

        SettingsValidation.Problems(settings).Should().Equal(
            $"Conformance:{key} is '{value}', which has no scheme. Set it to http://{value} or https://{value} (environment: Conformance__{key}).");
    }

    [TestCase("remtoe", " (did you mean 'remote'?)")]
    [TestCase("embeded", " (did you mean 'embedded'?)")]
    [TestCase("", "")]
    public void An_unknown_target_is_named_with_the_two_allowed_values(string target, string meant) =>
        SettingsValidation.Problems(new ConformanceSettings { Target = target }).Should().Equal(
            $"Conformance:Target is '{target}', which is not a target{meant}. Set it to 'embedded' (the in-process emulator, the default) or 'remote' (environment: Conformance__Target).");

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(601)]
    public void A_timeout_outside_one_to_six_hundred_seconds_is_a_problem(int seconds) =>
        SettingsValidation.Problems(new ConformanceSettings { TimeoutSeconds = seconds }).Should().Equal(
            $"Conformance:TimeoutSeconds is {seconds}, but it must be between 1 and 600. Set it to the seconds one request may take, e.g. 10 (environment: Conformance__TimeoutSeconds).");

    [TestCase(1)]
    [TestCase(600)]
    public void A_timeout_at_either_bound_is_accepted(int seconds) =>
        SettingsValidation.Problems(new ConformanceSettings { TimeoutSeconds = seconds }).Should().BeEmpty();

    [Test]
    public void A_client_id_without_its_secret_is_a_problem()
    {
        var settings = RemoteSettings.RealApp();
        settings.ClientSecret = null;
        settings.RefreshToken = null;
        settings.AccessToken = null;

        SettingsValidation.Problems(settings).Should().Equal(
            "Conformance:ClientId is set but Conformance:ClientSecret is not. Set the app's client secret too (environment: Conformance__ClientSecret), or remove the client id.");
    }

    [Test]
    public void A_client_secret_without_its_id_is_a_problem_that_does_not_show_the_secret()
    {
        var settings = RemoteSettings.RealApp();
        settings.ClientId = null;
        settings.RefreshToken = null;
        settings.AccessToken = null;

        var problems = SettingsValidation.Problems(settings);

        problems.Should().Equal(
            "Conformance:ClientSecret is set but Conformance:ClientId is not. Set the app's client id too (environment: Conformance__ClientId), or remove the secret.");
        problems[0].Should().NotContain(settings.ClientSecret);
    }

    [TestCase("RefreshToken")]
    [TestCase("AccessToken")]
    public void A_token_without_the_app_credentials_is_a_problem(string key)
    {
        var settings = RemoteSettings.Urls();
        typeof(ConformanceSettings).GetProperty(key)!.SetValue(settings, "tok-5e6f7a8b9c");

        SettingsValidation.Problems(settings).Should().Equal(
            $"Conformance:{key} is set but the app it was issued to is not: tokens are used with the app's credentials. Set Conformance:ClientId and Conformance:ClientSecret (environment: Conformance__ClientId, Conformance__ClientSecret), or remove the token.");
    }

    [TestCase("callback")]
    [TestCase("/oauth/callback")]
    [TestCase("https://app.example.com/cb#done")]
    public void A_malformed_redirect_uri_is_a_problem(string redirectUri)
    {
        var settings = RemoteSettings.RealApp();
        settings.RedirectUri = redirectUri;

        SettingsValidation.Problems(settings).Should().Equal(
            $"Conformance:RedirectUri is '{redirectUri}', which is not an absolute URI without a fragment. Set it to a redirect URI registered for the app, e.g. https://app.example.com/oauth/callback (environment: Conformance__RedirectUri).");
    }

    [TestCase("https://app.example.com/oauth/callback")]
    [TestCase("http://localhost:3000/cb")]
    [TestCase("com.example.app:/oauth2redirect")]
    public void A_redirect_uri_with_any_scheme_is_accepted(string redirectUri)
    {
        var settings = RemoteSettings.RealApp();
        settings.RedirectUri = redirectUri;

        SettingsValidation.Problems(settings).Should().BeEmpty();
    }

    [Test]
    public void Every_problem_is_reported_at_once_and_the_exception_lists_them_all()
    {
        var settings = new ConformanceSettings { Target = "remote", ClientSecret = "cs-1a2b3c4d5e", TimeoutSeconds = 0 };

        var problems = SettingsValidation.Problems(settings);
        var validate = () => SettingsValidation.ThrowIfInvalid(settings);

        problems.Should().HaveCount(4, "the timeout, both URLs and the lone secret");
        validate.Should().Throw<ConformanceConfigurationException>()
            .Which.Should().Match<ConformanceConfigurationException>(e =>
                e.Problems.SequenceEqual(problems) && problems.All(p => e.Message.Contains(p, StringComparison.Ordinal)));
    }
}
