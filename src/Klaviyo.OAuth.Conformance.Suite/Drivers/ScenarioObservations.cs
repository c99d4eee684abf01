using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Reporting.Drift;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// What the target answered to each request of one scenario, in order, as <see cref="Observation"/>s:
/// the evidence that lets two runs be compared even where both satisfied a behaviour.
/// </summary>
public sealed class ScenarioObservations
{
    private readonly List<Observation> _observations = [];

    public IReadOnlyList<Observation> All => _observations;

    public void Record(HttpExchange exchange) => _observations.Add(Observation.Of(exchange));
}
