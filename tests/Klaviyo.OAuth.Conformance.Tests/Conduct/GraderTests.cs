using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Grading;
using Klaviyo.OAuth.Guide.Conduct;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct;

/// <summary>The grading engine: a typed source in, every rule's verdict out; unreadable traffic is one message naming the source.</summary>
public class GraderTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("grade-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_capture_that_sends_the_secret_in_the_body_breaks_the_basic_auth_rule()
    {
        var har = new Traffic()
            .Send(0, "POST", Traffic.Api + "/oauth/token", 401, "grant_type=refresh_token&refresh_token=r1&client_id=app&client_secret=s", authorization: null)
            .WriteHar(_folder);

        var graded = await Grader.GradeAsync(new TrafficSource.Capture(har), GradeOptions.Default);

        graded.FailsBuild.Should().BeTrue();
        graded.NoRequests.Should().BeFalse();
        graded.Report.Source.Should().Be(Path.GetFileName(har));
        graded.Report.Results.Should().Contain(r => r.Rule.Id == "client.basic-auth" && r.Verdict == Verdict.NotSatisfied);
    }

    [Test]
    public async Task The_web_hosts_of_the_options_serve_the_authorize_page()
    {
        var har = new Traffic().Authorize(0).CodeExchange(1).CallApi(2).WriteHar(_folder);

        var graded = await Grader.GradeAsync(new TrafficSource.Capture(har), new GradeOptions(["www.klaviyo.com"]));

        graded.FailsBuild.Should().BeFalse();
        graded.Report.Requests.Should().Be(3);
    }

    [Test]
    public async Task A_missing_file_is_one_message_naming_it()
    {
        var missing = Path.Combine(_folder, "missing.har");

        var read = () => Grader.GradeAsync(new TrafficSource.Capture(missing), GradeOptions.Default);

        (await read.Should().ThrowAsync<GradingInputException>()).Which.Message.Should().StartWith($"Cannot grade {missing}");
    }

    [Test]
    public async Task A_file_that_is_not_traffic_is_one_message()
    {
        var path = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(path, "hello");

        var read = () => Grader.GradeAsync(new TrafficSource.Capture(path), GradeOptions.Default);

        (await read.Should().ThrowAsync<GradingInputException>()).Which.Message.Should().Contain("notes.txt");
    }

    [Test]
    public async Task An_emulator_that_does_not_answer_is_one_message_naming_it()
    {
        var source = new TrafficSource.Journal(new Uri("http://127.0.0.1:9"), "app");

        var read = () => Grader.GradeAsync(source, GradeOptions.Default with { JournalTimeout = TimeSpan.FromSeconds(5) });

        (await read.Should().ThrowAsync<GradingInputException>()).Which.Message.Should().StartWith("Cannot grade http://127.0.0.1:9/");
    }
}
