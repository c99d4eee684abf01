using FluentAssertions;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// Command lines as people mistype them: each is one problem that names what to fix, then where the
/// usage is, with exit code 2; never a CLR type name, never the value typed after a mistyped option
/// (it may be a secret), never a line for that value on its own.
/// </summary>
public sealed class MistypedCommandLineTests : ToolCommandTests
{
    private const string Secret = "S3cr3tValue123";

    [TestCase("Unrecognized command or argument '--filtr'.", "--filter", "run", "--filtr", "Category=documented")]
    [TestCase("Unrecognized command or argument '--client-secrt'.", "--client-secret", "run", "--client-secrt", Secret)]
    [TestCase("Unrecognized command or argument '--clinet'.", "--client", "emulate", "--clinet", "app:" + Secret + ":http://127.0.0.1/cb")]
    [TestCase("--data-seed 'abc' is not a whole number.", null, "emulate", "--data-seed", "abc")]
    [TestCase("--max-evidence 'abc' is not a whole number.", null, "report", "run/cucumber.ndjson", "--max-evidence", "abc")]
    [TestCase("grade has no option --har: give <traffic> by itself.", null, "grade", "--har", "app.har")]
    [TestCase("diagnose has no option --jsn: did you mean --json?", null, "diagnose", "--jsn", "app.har")]
    [TestCase("compare needs <NEW>: the later run: its conformance.json or cucumber.ndjson", null, "compare", "old/conformance.json")]
    [TestCase("--api-url '5080' is not a URL: give http://127.0.0.1:5080.", null, "emulate", "--api-url", "5080")]
    [TestCase("--web-url '127.0.0.1:5081' is not a URL: give http://127.0.0.1:5081.", null, "emulate", "--web-url", "127.0.0.1:5081")]
    [TestCase("--api-url 'http://127.0.0.1:99999' has port 99999, but a port is 0 to 65535 (0 picks a free one).", null, "emulate", "--api-url", "http://127.0.0.1:99999")]
    [TestCase("--record /proc/recorded: cannot write in /proc (permission denied); give a folder you can write to.", null, "emulate", "--upstream-api", "http://127.0.0.1:9", "--record", "/proc/recorded")]
    [TestCase("--strict-advisory is a switch: give it alone to turn it on, without 'yes'.", null, "run", "--strict-advisory", "yes")]
    [TestCase("--allow-destructive is a switch: give it alone to turn it on, without 'maybe'.", null, "run", "--allow-destructive=maybe")]
    [TestCase("There is no --port: give each host's URL, --api-url http://127.0.0.1:5080", null, "emulate", "--port", "5080")]
    public void One_problem_naming_what_to_fix_then_the_usage(string problem, string? suggested, params string[] args)
    {
        RunTool(args).Should().Be(ExitCodes.BadUsage, Error);

        var lines = Error.TrimEnd().Split(Environment.NewLine);
        lines[0].Should().StartWith(problem);
        lines[^1].Should().Be($"Run 'klaviyo-oauth-conformance {args[0]} --help' for usage.");
        if (suggested is null)
        {
            lines.Should().HaveCount(2, Error);
        }
        else
        {
            lines[1..^1].Should().Contain(suggested);
        }

        Error.Should().NotContain("System.").And.NotContain("   at ");
        Output.Should().BeEmpty();
        foreach (var value in args[1..].Where(a => !a.StartsWith('-') && !problem.Contains(a, StringComparison.Ordinal)))
        {
            Error.Should().NotContain(value, "a value is repeated only where it is the mistake");
        }
    }

    [Test]
    public void A_secret_given_after_a_mistyped_option_with_an_equals_sign_is_masked()
    {
        RunTool(["run", "--client-secrt=" + Secret]).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain("--client-secrt=").And.NotContain(Secret);
    }

    [Test]
    public void A_secret_option_given_with_another_mistake_is_never_printed()
    {
        RunTool(["run", "--client-secret", Secret, "--target", Secret, "--bogus"]).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain("'--bogus'").And.NotContain(Secret);
    }

    [Test]
    public void A_commands_version_points_to_the_tools()
    {
        RunTool(["emulate", "--version"]).Should().Be(ExitCodes.BadUsage);

        Error.TrimEnd().Split(Environment.NewLine)[^1].Should().Be("The version is the tool's: run 'klaviyo-oauth-conformance --version'.");
    }

    [Test]
    public void Both_missing_arguments_are_named()
    {
        RunTool(["compare"]).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain("compare needs <OLD>: the earlier run").And.Contain("compare needs <NEW>: the later run");
    }

    [Test]
    public void Diagnose_without_a_file_says_that_a_dash_reads_standard_input()
    {
        RunTool(["diagnose"]).Should().Be(ExitCodes.BadUsage);

        Error.Should().StartWith("diagnose needs <FILE>: ").And.Contain("- reads standard input");
    }
}
