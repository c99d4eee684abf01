using FluentAssertions;
using Klaviyo.OAuth.Conformance.Deviations;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Conformance.Tool;
using Klaviyo.OAuth.Guide.Catalogue;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>run</c> counts the runner's failed scenarios as well as the matrix's verdict; a scenario that
/// failed only as a listed known deviation must not fail the run, any other failure still does.
/// </summary>
public class RunExitWithKnownDeviationsTests
{
    private static readonly KnownDeviations Listed = KnownDeviations.Parse(
        """[{ "id": "token.invalid-client", "reason": "gateway" }]""", "deviations.json",
        BehaviourCatalogue.All.Select(b => b.Id).ToHashSet(StringComparer.Ordinal), "a behaviour of the catalogue", new DateOnly(2026, 1, 1));

    private static ConformanceMatrix Matrix(Messages messages) =>
        new ConformanceMatrixBuilder(new ReportOptions { Deviations = Listed }).Build(messages.Reader());

    [Test]
    public void Failures_of_listed_behaviours_only_do_not_fail_the_run() =>
        RunSummaryView.FailedOnlyAsKnownDeviations(Matrix(new Messages().EveryBehaviourPassing()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("Expected 401, got 400")))).Should().BeTrue();

    [Test]
    public void Another_failed_scenario_still_fails_the_run() =>
        RunSummaryView.FailedOnlyAsKnownDeviations(Matrix(new Messages().EveryBehaviourPassing()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("Expected 401, got 400"))
            .Scenario("a tip", ["@tip.api-host"], Messages.Failed("diagnosed wrongly")))).Should().BeFalse();

    [Test]
    public void A_scenario_outside_every_row_leaves_the_decision_to_the_runner() =>
        RunSummaryView.FailedOnlyAsKnownDeviations(Matrix(new Messages().EveryBehaviourPassing()
            .Scenario("missing header", ["@documented", "@token.invalid-client"], Messages.Failed("Expected 401, got 400"))
            .Scenario("untagged", ["@documented"], Messages.Failed("boom")))).Should().BeFalse();

    [Test]
    public void Without_a_failure_of_a_listed_behaviour_the_runner_decides() =>
        RunSummaryView.FailedOnlyAsKnownDeviations(Matrix(new Messages().EveryBehaviourPassing())).Should().BeFalse();
}
