using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Capture = Klaviyo.OAuth.Conformance.Tests.Conduct.Traffic;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>klaviyo-oauth-conformance grade FILE.har</c>: the tool's command line reaches the grading and keeps its exit codes.</summary>
public class GradeToolCommandTests : ToolCommandTests
{
    private const string Secret = "s3cr3t-client-secret-value";

    [Test]
    public void A_capture_that_breaks_a_documented_rule_exits_1_names_the_rule_and_writes_the_reports()
    {
        var har = WriteHar(new Capture()
            .Send(0, "POST", Capture.Api + "/oauth/token", 401, $"grant_type=refresh_token&refresh_token=r1&client_id=app&client_secret={Secret}", authorization: null));
        var reports = Path.Combine(Folder, "reports");

        var (exit, output, _) = Run("grade", har, "--out", reports);

        exit.Should().Be(ExitCodes.FailsBuild);
        output.Should().Contain("client.basic-auth").And.Contain("tip.authorization-header").And.NotContain(Secret);
        File.Exists(Path.Combine(reports, "client-conduct.junit.xml")).Should().BeTrue();
    }

    [Test]
    public void A_clean_capture_exits_0()
    {
        var har = WriteHar(new Capture().Authorize(0).CodeExchange(1).CallApi(2));

        var (exit, output, _) = Run("grade", har, "--web-host", "www.klaviyo.com");

        exit.Should().Be(ExitCodes.Conforming);
        output.Should().Contain("PASSES");
    }

    [TestCase(new[] { "grade" }, "Which traffic?")]
    [TestCase(new[] { "grade", "missing.har" }, "Cannot grade missing.har")]
    [TestCase(new[] { "grade", "a.har", "--fast" }, "--fast")]
    public void Bad_input_exits_2_with_one_message_and_no_stack_trace(string[] args, string message)
    {
        var (exit, _, error) = Run(args);

        exit.Should().Be(ExitCodes.BadUsage);
        error.Should().Contain(message).And.NotContain("   at ");
    }

    private string WriteHar(Capture traffic) => traffic.WriteHar(Folder);

    private (int Exit, string Output, string Error) Run(params string[] args) => (RunTool(args), Output, Error);
}
