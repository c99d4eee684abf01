using FluentAssertions;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

[TestFixture]
public sealed class RunnerOutcomeTests
{
    private SamplesRun _run = null!;

    [OneTimeSetUp]
    public async Task RunTheSamplesOnceAsync() => _run = await SamplesRun.ExecuteAsync();

    [TestCase("Adding 1 gives 2")]
    [TestCase("Adding 2 gives 3")]
    [TestCase("Adding 40 gives 41")]
    [TestCase("An outline whose name has no placeholder (5, 6)")]
    [TestCase("An outline whose name has no placeholder (6, 7)")]
    [TestCase("The rule background runs after the feature background")]
    [TestCase("A doc string reaches the binding")]
    [TestCase("A data table reaches the binding")]
    public void A_scenario_whose_steps_all_pass_passes(string scenario) =>
        OutcomeOf(scenario).Outcome.Should().Be("Passed", OutcomeOf(scenario).Message);

    [Test]
    public void A_failing_step_fails_with_the_assertion_message()
    {
        var outcome = OutcomeOf("A failing step fails the test");
        outcome.Outcome.Should().Be("Failed");
        outcome.Message.Should().Contain("Expected: 99").And.Contain("But was:  1");
    }

    [Test]
    public void An_undefined_step_fails_with_Reqnrolls_snippet()
    {
        var outcome = OutcomeOf("An undefined step fails with a snippet");
        outcome.Outcome.Should().Be("Failed");
        outcome.Message.Should().Contain("No matching step definition").And.Contain("[Given(\"a step nobody has written\")]");
    }

    [Test]
    public void An_ambiguous_step_fails_naming_both_bindings()
    {
        var outcome = OutcomeOf("An ambiguous step fails naming both bindings");
        outcome.Outcome.Should().Be("Failed");
        outcome.Message.Should().Contain("GivenAStepThatTwoBindingsMatch()").And.Contain("GivenAStepThatTwoBindingsMatchToo(String)");
    }

    [TestCase("A pending step skips the test")]
    [TestCase("An ignored scenario is skipped")]
    public void Pending_and_ignored_scenarios_are_skipped_and_still_counted(string scenario) =>
        OutcomeOf(scenario).Outcome.Should().Be("NotExecuted");

    [Test]
    public void A_feature_file_that_does_not_parse_is_one_failing_test_naming_file_line_and_message()
    {
        var outcome = OutcomeOf("Feature file does not parse: features/broken.feature");
        outcome.Outcome.Should().Be("Failed");
        outcome.Message.Should().Contain("features/broken.feature:5:").And.Contain("This line is not Gherkin");
    }

    [Test]
    public void A_failing_scenario_with_a_warn_only_tag_is_a_warning_that_does_not_fail_the_run()
    {
        var outcome = OutcomeOf("A failing advisory scenario is a warning, not a failure");
        outcome.Outcome.Should().Be("NotExecuted");
        outcome.Message.Should().Contain("Advisory requirement not met").And.Contain("Expected: 99");
    }

    [Test]
    public void A_failing_scenario_the_run_expects_to_fail_is_a_warning_that_says_why()
    {
        var outcome = OutcomeOf("A failing scenario the run expects to fail is a warning that says why");
        outcome.Outcome.Should().Be("NotExecuted");
        outcome.Message.Should().Contain("Expected failure (listed as a known deviation)").And.Contain("Expected: 98");
    }

    [Test]
    public void Every_pickle_of_every_sample_is_a_test() =>
        _run.Outcomes.Should().HaveCount(16, string.Join(", ", _run.Outcomes.Keys));

    private TestOutcome OutcomeOf(string scenario)
    {
        _run.Outcomes.Should().ContainKey(scenario, "the run's output was:\n" + _run.ConsoleOutput);
        return _run.Outcomes[scenario];
    }

    [TestFixture]
    public sealed class Reports
    {
        private SamplesRun _run = null!;

        [OneTimeSetUp]
        public async Task RunTheSamplesOnceAsync() => _run = await SamplesRun.ExecuteAsync();

        [Test]
        public void The_living_documentation_lists_every_parsed_scenario()
        {
            var html = File.ReadAllText(Path.Combine(_run.ReportsDirectory, "living-doc.html"));
            foreach (var scenario in _run.Outcomes.Keys.Where(name => !name.StartsWith("Feature file", StringComparison.Ordinal)))
            {
                var title = scenario.Replace(" (5, 6)", string.Empty, StringComparison.Ordinal).Replace(" (6, 7)", string.Empty, StringComparison.Ordinal);
                html.Should().Contain(title);
            }
        }

        [Test]
        public void The_cucumber_messages_record_each_scenario_with_its_status()
        {
            var messages = CucumberMessages.Read(Path.Combine(_run.ReportsDirectory, "cucumber.ndjson"));
            messages.StatusOf("A failing step fails the test").Should().Be("FAILED");
            messages.StatusOf("An undefined step fails with a snippet").Should().Be("UNDEFINED");
            messages.StatusOf("An ambiguous step fails naming both bindings").Should().Be("AMBIGUOUS");
            messages.StatusOf("A pending step skips the test").Should().Be("PENDING");
            messages.StatusOf("Adding 40 gives 41").Should().Be("PASSED");
            messages.StatusOf("A data table reaches the binding").Should().Be("PASSED");
            messages.StatusOf("A failing advisory scenario is a warning, not a failure").Should().Be("FAILED");
            messages.PickleCount.Should().Be(15);
        }

        /// <summary>
        /// What the test host reported as each scenario ended is what the reports read from the same run's
        /// messages: failed exactly when the steps' statuses fail the scenario and the run does not allow it.
        /// </summary>
        [Test]
        public void The_runner_and_the_reports_classify_each_scenario_alike()
        {
            var messages = CucumberMessages.Read(Path.Combine(_run.ReportsDirectory, "cucumber.ndjson"));
            var compared = 0;
            foreach (var (test, outcome) in _run.Outcomes.Where(o => !o.Key.StartsWith("Feature file", StringComparison.Ordinal)))
            {
                var scenario = test.Replace(" (5, 6)", string.Empty, StringComparison.Ordinal).Replace(" (6, 7)", string.Empty, StringComparison.Ordinal);
                // A scenario without steps in the messages never started (Reqnroll writes no test case for an ignored one): the reports skip it.
                var statuses = messages.StatusesOf(scenario);
                var read = statuses.Count == 0 ? ScenarioOutcome.Skipped : StepStatus.Outcome(statuses);
                var allowed = messages.TagsOf(scenario).Any(t => t is "@sample.advisory" or "@sample.expected");
                var expected = read switch
                {
                    ScenarioOutcome.Passed => "Passed",
                    ScenarioOutcome.Failed when !allowed => "Failed",
                    _ => "NotExecuted",
                };
                outcome.Outcome.Should().Be(expected, $"'{test}' read from the messages as {read} ({string.Join(", ", statuses)})");
                compared++;
            }

            compared.Should().Be(15);
        }

        [Test]
        public void Run_completion_handlers_run_after_the_reports_are_complete() =>
            File.ReadAllText(Path.Combine(_run.ReportsDirectory, "run-completed.txt")).Should().Be("complete");
    }
}
