using Klaviyo.OAuth.Emulator.Standalone;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Standalone;

/// <summary>The emulator's one command line, bound to <see cref="EmulatorOptions"/>.</summary>
public class CommandLineTests
{
    [Test]
    public void Both_urls_and_the_control_switch_are_read()
    {
        var options = Parsed(["--api-url", "http://127.0.0.1:5080", "--web-url", "http://127.0.0.1:5081", "--no-control-api"]);

        options.ApiUrl.Should().Be("http://127.0.0.1:5080");
        options.WebUrl.Should().Be("http://127.0.0.1:5081");
        options.EnableControlApi.Should().BeFalse();
    }

    [Test]
    public void Without_options_both_hosts_take_free_ports_and_the_control_api_is_on()
    {
        var options = Parsed([]);

        options.ApiUrl.Should().Be("http://127.0.0.1:0");
        options.WebUrl.Should().Be("http://127.0.0.1:0");
        options.EnableControlApi.Should().BeTrue();
        options.Clients.Should().BeEmpty();
    }

    [Test]
    public void Tokens_are_JWTs_unless_opaque_ones_are_asked_for_and_the_data_seed_is_read()
    {
        Parsed([]).AccessTokenFormat.Should().Be(AccessTokenFormat.Jwt);
        var options = Parsed(["--opaque-tokens", "--data-seed", "42", "--diagnosis-header"]);

        options.AccessTokenFormat.Should().Be(AccessTokenFormat.Opaque);
        options.DataSeed.Should().Be(42);
        options.DiagnosisHeader.Should().BeTrue();
    }

    [Test]
    public void Each_client_is_an_id_a_secret_and_a_redirect_uri_that_keeps_its_own_colons()
    {
        var options = Parsed(["--client", "shop-app:s3cret:http://127.0.0.1:8080/callback", "--client", "other:x:https://example.test/cb"]);

        options.Clients.Should().BeEquivalentTo(new[]
        {
            new EmulatedClient("shop-app", "s3cret", ["http://127.0.0.1:8080/callback"]),
            new EmulatedClient("other", "x", ["https://example.test/cb"]),
        });
    }

    [TestCase("--data-seed", "many", "--data-seed")]
    [TestCase("--api-url", "https://127.0.0.1:5080/path", "--api-url")]
    [TestCase("--web-url", "not a url", "--web-url")]
    [TestCase("--client", "only-an-id", "--client")]
    [TestCase("--client", "id:secret:not-absolute", "--client")]
    [TestCase("--port", "5080", "--port")]
    [TestCase("--upstream-api", "a.klaviyo.com", "--upstream-api")]
    [TestCase("--upstream-web", "ftp://www.klaviyo.com", "--upstream-web")]
    [TestCase("--record", "recorded", "--upstream-api")]
    public void A_bad_option_is_one_message_that_names_it(string option, string value, string named)
    {
        var (options, errors) = EmulatorCommandLine.Parse([option, value]);

        options.Should().BeNull();
        errors.Should().Contain(e => e.Contains(named, StringComparison.Ordinal));
    }

    [Test]
    public void Proxy_recording_and_rate_limit_options_reach_the_emulators_options()
    {
        var options = Parsed(["--upstream-api", "https://a.klaviyo.com", "--upstream-web", "http://127.0.0.1:5091", "--record", "recorded", "--api-rate-limits"]);

        (options.UpstreamApiUrl, options.UpstreamWebUrl, options.RecordDirectory, options.ApiRateLimits)
            .Should().Be(("https://a.klaviyo.com", "http://127.0.0.1:5091", "recorded", true));
        Parsed([]).ApiRateLimits.Should().BeFalse("the limits are off unless asked for");
    }

    [Test]
    public void A_bad_client_is_refused_without_quoting_its_secret()
    {
        var (_, errors) = EmulatorCommandLine.Parse(["--client", "id:hunter2:relative/callback"]);

        errors.Should().ContainSingle().Which.Should().NotContain("hunter2");
    }

    [Test]
    public async Task A_mistyped_option_gets_the_nearest_one_without_repeating_its_value_and_exit_2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCommandLine.RunAsync(["--api-ur", "http://127.0.0.1:5080"], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "Unrecognized command or argument '--api-ur'.", "'--api-ur' was not matched. Did you mean one of the following?", "--api-url", "Run with --help for usage.");
        output.ToString().Should().BeEmpty();
    }

    [Test]
    public async Task The_help_ends_with_examples_that_parse_and_the_exit_codes()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        (await EmulatorCommandLine.RunAsync(["--help"], output, error)).Should().Be(ExitCodes.Conforming);

        var examples = output.ToString().Split(Environment.NewLine).SkipWhile(l => l != "Examples:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        examples.Should().HaveCount(2).And.Contain($"  dotnet run --project src/Klaviyo.OAuth.Emulator -- {EmulatorCommandLine.Example}");
        foreach (var example in examples)
        {
            EmulatorCommandLine.Parse(example.Split(" -- ")[1].Split(' ')).Errors.Should().BeEmpty(example);
        }

        output.ToString().Should().Contain($"Exit codes:{Environment.NewLine}  0  stopped (Ctrl-C){Environment.NewLine}  2  bad usage");
    }

    private static EmulatorOptions Parsed(string[] args)
    {
        var (options, errors) = EmulatorCommandLine.Parse(args);
        errors.Should().BeEmpty();
        return options!;
    }
}
