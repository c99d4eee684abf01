using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Starts a <see cref="ResponseCheck"/> of the app's latest exchange, for the behaviour the scenario is tagged with.</summary>
public sealed class GuideExpectations(AppUnderTest app, ScenarioContext scenario, ConformanceRun run)
{
    public ResponseCheck Expect(string expected)
    {
        var exchange = app.LastExchange;
        var (api, web) = (run.Target.ApiBaseUrl.Authority, run.Target.WebBaseUrl.Authority);
        bool? toWebHost = string.Equals(api, web, StringComparison.OrdinalIgnoreCase)
            ? null
            : string.Equals(exchange.Request.Url.Authority, web, StringComparison.OrdinalIgnoreCase);
        return new(exchange, expected, BehaviourUnderTest(), run.Redactor, toWebHost);
    }

    private Behaviour? BehaviourUnderTest() =>
        scenario.ScenarioInfo.CombinedTags.Select(BehaviourCatalogue.Find).FirstOrDefault(b => b is not null);
}
