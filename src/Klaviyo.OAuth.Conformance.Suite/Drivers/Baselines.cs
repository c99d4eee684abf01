using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Support;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The successes a scenario stands on before it reaches the behaviour under test (an approval, a
/// token, a revocation). When one does not hold, the scenario fails saying so, with the exchange.
/// </summary>
public sealed class Baselines(ConformanceRun run)
{
    public CheckFailedException Failed(string what, HttpExchange exchange) =>
        new($"The baseline failed: {what}, but it did not, so the behaviour under test cannot be checked.{Environment.NewLine}{exchange.Describe(run.Redactor)}");

    public void Require(HttpExchange exchange, int status, string what)
    {
        if (exchange.Status != status)
        {
            throw Failed(what, exchange);
        }
    }
}
