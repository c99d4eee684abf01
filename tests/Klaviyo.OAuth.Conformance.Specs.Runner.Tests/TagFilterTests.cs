using FluentAssertions;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

[TestFixture]
public sealed class TagFilterTests
{
    [Test]
    public async Task Filtering_by_a_scenario_tag_runs_only_that_scenario()
    {
        var run = await SamplesRun.ExecuteAsync("Category=sample.tagged");
        run.Outcomes.Keys.Should().BeEquivalentTo(["The rule background runs after the feature background"]);
    }

    [Test]
    public async Task Filtering_by_an_examples_tag_runs_only_that_examples_rows()
    {
        var run = await SamplesRun.ExecuteAsync("Category=sample.first-examples");
        run.Outcomes.Keys.Should().BeEquivalentTo(["Adding 1 gives 2", "Adding 2 gives 3"]);
    }
}
