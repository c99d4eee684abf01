using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Starts a <see cref="ResponseCheck"/> of the app's latest exchange, for the behaviour the scenario is tagged with.</summary>
public sealed class GuideExpectations(AppUnderTest app, ScenarioContext scenario, ConformanceRun run)
{
    public ResponseCheck Expect(string expected) =>
        new(app.LastExchange, expected, BehaviourUnderTest(), run.Redactor);

    private Behaviour? BehaviourUnderTest() =>
        scenario.ScenarioInfo.CombinedTags.Select(BehaviourCatalogue.Find).FirstOrDefault(b => b is not null);
}
