using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Capture = Klaviyo.OAuth.Conformance.Tests.Conduct.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>klaviyo-oauth-conformance grade</c>: the verdicts in the terminal and the reports, the exit code for CI, one clear message for bad input.</summary>
public class GradeCommandTests : ToolCommandTests
{
    private const string Secret = "s3cr3t-client-secret-value";

    [Test]
    public void A_capture_that_breaks_a_documented_rule_exits_1_names_the_rule_the_request_and_the_tip_and_writes_the_reports()
    {
        var har = WriteHar(new Capture()
            .Send(0, "POST", Capture.Api + "/oauth/token", 401, $"grant_type=refresh_token&refresh_token=r1-refresh-token&client_id=app&client_secret={Secret}", authorization: null));
        var reports = Path.Combine(Folder, "reports");

        var (exit, output, _) = Run("grade", har, "--out", reports);

        exit.Should().Be(ExitCodes.FailsBuild);
        output.Should().Contain("not satisfied    client.basic-auth (documented)")
            .And.Contain("#1 POST https://a.klaviyo.com/oauth/token → 401")
            .And.Contain("tip.authorization-header")
            .And.NotContain(Secret).And.NotContain("r1-refresh-token");
        Directory.GetFiles(reports).Select(Path.GetFileName).Should().BeEquivalentTo("client-conduct.json", "client-conduct.md", "client-conduct.html", "client-conduct.junit.xml");
        foreach (var file in Directory.GetFiles(reports))
        {
            File.ReadAllText(file).Should().Contain("client.basic-auth").And.Contain("tip.authorization-header").And.NotContain(Secret);
        }
    }

    [Test]
    public void A_clean_capture_exits_0()
    {
        var har = WriteHar(new Capture().Authorize(0).CodeExchange(1).CallApi(2));

        var (exit, output, _) = Run("grade", har, "--web-host", "www.klaviyo.com");

        exit.Should().Be(ExitCodes.Conforming);
        output.Should().Contain("PASSES");
    }

    [Test]
    public void An_advisory_finding_alone_passes()
    {
        var har = WriteHar(new Capture().Authorize(0, state: null, redirectState: null).CodeExchange(1).CallApi(2));

        var (exit, output, _) = Run("grade", har);

        exit.Should().Be(ExitCodes.Conforming);
        output.Should().Contain("advisory not met client.state (rfc-must)").And.Contain("PASSES");
    }

    [TestCase(new[] { "grade" }, "Which traffic?")]
    [TestCase(new[] { "grade", "missing.har" }, "Cannot grade missing.har")]
    [TestCase(new[] { "grade", "a.har", "--out" }, "--out")]
    [TestCase(new[] { "grade", "a.har", "--fast" }, "--fast")]
    [TestCase(new[] { "grade", "a.har", "--emulator", "http://127.0.0.1:1", "--client", "app" }, "not both")]
    [TestCase(new[] { "grade", "a.har", "--client", "app" }, "--client picks an app in the emulator's journal (with --emulator URL); a file (a.har) is graded whole: remove --client.")]
    [TestCase(new[] { "grade", "--client", "app" }, "--client needs --emulator")]
    [TestCase(new[] { "grade", "--emulator", "http://127.0.0.1:1" }, "--emulator needs --client")]
    [TestCase(new[] { "grade", "--emulator", "ftp://x", "--client", "app" }, "as http://127.0.0.1:5080, not 'ftp://x'")]
    public void Bad_input_exits_2_with_one_message_and_no_stack_trace(string[] args, string message)
    {
        var (exit, output, error) = Run(args);

        exit.Should().Be(ExitCodes.BadUsage);
        error.Should().Contain(message).And.NotContain("   at ");
        output.Should().BeEmpty();
    }

    [Test]
    public void A_file_that_is_not_a_capture_is_named_once()
    {
        var file = Path.Combine(Folder, "notes.txt");
        File.WriteAllText(file, "hello");

        var (exit, _, error) = Run("grade", file);

        exit.Should().Be(ExitCodes.BadUsage);
        error.Should().StartWith($"Cannot grade {file}: not a HAR file, a curl command line or an HTTP request.");
    }

    private string WriteHar(Capture traffic) => traffic.WriteHar(Folder);

    private (int Exit, string Output, string Error) Run(params string[] args) => (RunTool(args), Output, Error);
}
