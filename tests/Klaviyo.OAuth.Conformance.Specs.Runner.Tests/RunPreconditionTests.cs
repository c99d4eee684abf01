using FluentAssertions;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

[TestFixture]
public sealed class RunPreconditionTests
{
    [Test]
    public async Task An_unmet_precondition_makes_the_run_one_failing_test_with_its_message()
    {
        var run = await SamplesRun.ExecuteAsync(environment: new Dictionary<string, string> { ["SAMPLES_PRECONDITION_PROBLEM"] = "Set SAMPLE_URL to the target." });

        run.Outcomes.Should().ContainSingle();
        run.Outcomes["The suite cannot run"].Outcome.Should().Be("Failed");
        run.Outcomes["The suite cannot run"].Message.Should().Contain("Set SAMPLE_URL to the target.");
    }

    [Test]
    public async Task A_run_filtered_by_tag_still_shows_the_unmet_precondition()
    {
        var run = await SamplesRun.ExecuteAsync("Category=sample.tagged", new Dictionary<string, string> { ["SAMPLES_PRECONDITION_PROBLEM"] = "Set SAMPLE_URL to the target." });

        run.Outcomes.Keys.Should().Equal("The suite cannot run");
    }
}
