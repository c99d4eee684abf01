using FluentAssertions;
using Klaviyo.OAuth.Conformance.Grading;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct;

/// <summary><c>grade FILE.har</c>: the verdicts in the terminal and the reports, the exit code for CI, one clear message for bad input.</summary>
public class GradeCommandTests
{
    private const string Secret = "s3cr3t-client-secret-value";
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("grade-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void An_app_that_sends_its_secret_in_the_body_fails_and_is_told_the_rule_the_request_and_the_tip()
    {
        var har = WriteHar(new Traffic()
            .Send(0, "POST", Traffic.Api + "/oauth/token", 401, $"grant_type=refresh_token&refresh_token=r1-refresh-token&client_id=app&client_secret={Secret}", authorization: null));
        var (exit, output, _) = Grade(har, "--out", Path.Combine(_folder, "reports"));

        exit.Should().Be(GradeCommand.Failed);
        output.Should().Contain("not satisfied    client.basic-auth (documented)")
            .And.Contain("#1 POST https://a.klaviyo.com/oauth/token → 401")
            .And.Contain("tip.authorization-header")
            .And.NotContain(Secret).And.NotContain("r1-refresh-token");
        var reports = Directory.GetFiles(Path.Combine(_folder, "reports")).Select(Path.GetFileName);
        reports.Should().BeEquivalentTo("client-conduct.json", "client-conduct.md", "client-conduct.html", "client-conduct.junit.xml");
        foreach (var file in Directory.GetFiles(Path.Combine(_folder, "reports")))
        {
            File.ReadAllText(file).Should().Contain("client.basic-auth").And.Contain("tip.authorization-header").And.NotContain(Secret);
        }
    }

    [Test]
    public void An_app_that_keeps_every_documented_rule_passes_even_with_an_advisory_finding()
    {
        var har = WriteHar(new Traffic().Authorize(0, state: null, redirectState: null).CodeExchange(1).CallApi(2));

        var (exit, output, _) = Grade(har);

        exit.Should().Be(GradeCommand.Passed);
        output.Should().Contain("advisory not met client.state (rfc-must)").And.Contain("PASSES");
    }

    [TestCase(new string[0], "Which traffic?")]
    [TestCase(new[] { "missing.har" }, "Cannot grade missing.har")]
    [TestCase(new[] { "a.har", "--out" }, "--out needs a value")]
    [TestCase(new[] { "a.har", "--fast" }, "Unknown option --fast")]
    public void Bad_input_exits_2_with_one_clear_message(string[] args, string message)
    {
        var (exit, output, error) = Run(args);

        exit.Should().Be(GradeCommand.BadInput);
        error.Should().Contain(message).And.NotContain("   at ");
        output.Should().BeEmpty();
    }

    [Test]
    public void A_file_that_is_not_traffic_exits_2()
    {
        var path = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(path, "hello");

        Grade(path).Exit.Should().Be(GradeCommand.BadInput);
    }

    private string WriteHar(Traffic traffic) => traffic.WriteHar(_folder);

    private static (int Exit, string Output, string Error) Grade(string file, params string[] options) => Run([file, .. options]);

    private static (int Exit, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = GradeCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
