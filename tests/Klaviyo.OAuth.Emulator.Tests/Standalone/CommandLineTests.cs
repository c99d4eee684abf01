using Klaviyo.OAuth.Emulator.Standalone;

namespace Klaviyo.OAuth.Emulator.Tests.Standalone;

public class CommandLineTests
{
    [Test]
    public void Both_urls_and_the_control_switch_are_read()
    {
        var commandLine = CommandLine.Parse(["--api-url", "http://127.0.0.1:5080", "--web-url", "http://127.0.0.1:5081", "--no-control-api"]);

        commandLine.Options.ApiUrl.Should().Be("http://127.0.0.1:5080");
        commandLine.Options.WebUrl.Should().Be("http://127.0.0.1:5081");
        commandLine.Options.EnableControlApi.Should().BeFalse();
        commandLine.ShowHelp.Should().BeFalse();
    }

    [Test]
    public void Without_options_both_hosts_take_free_ports()
    {
        var commandLine = CommandLine.Parse([]);

        commandLine.Options.ApiUrl.Should().Be("http://127.0.0.1:0");
        commandLine.Options.WebUrl.Should().Be("http://127.0.0.1:0");
    }

    [Test]
    public void Tokens_are_JWTs_unless_opaque_ones_are_asked_for_and_the_data_seed_is_read()
    {
        CommandLine.Parse([]).Options.AccessTokenFormat.Should().Be(AccessTokenFormat.Jwt);
        var commandLine = CommandLine.Parse(["--opaque-tokens", "--data-seed", "42"]);

        commandLine.Options.AccessTokenFormat.Should().Be(AccessTokenFormat.Opaque);
        commandLine.Options.DataSeed.Should().Be(42);
    }

    [TestCase("--data-seed")]
    [TestCase("--data-seed", "many")]
    public void A_data_seed_that_is_not_a_number_is_refused(params string[] args) =>
        FluentActions.Invoking(() => CommandLine.Parse(args)).Should().Throw<ArgumentException>().WithMessage("*--data-seed*");

    [Test]
    public void Help_is_recognised() => CommandLine.Parse(["--help"]).ShowHelp.Should().BeTrue();

    [Test]
    public void Version_is_recognised() => CommandLine.Parse(["--version"]).ShowVersion.Should().BeTrue();

    [TestCase("--port")]
    [TestCase("--api-url")]
    [TestCase("--api-url", "https://127.0.0.1:5080")]
    [TestCase("--web-url", "not a url")]
    public void Bad_options_are_refused_with_a_message(params string[] args)
    {
        var act = () => CommandLine.Parse(args);

        act.Should().Throw<ArgumentException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }
}
