using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The one way drivers talk to the target: sends a request, turns an unreachable target into a
/// failure that names the URL and the cause, records the exchange as the app's latest, and observes
/// what the target answered (for comparing runs).
/// </summary>
public sealed class TargetExchanges(ConformanceRun run, AppUnderTest app, ScenarioObservations observations)
{
    public Uri Api(string path) => new(run.Target.ApiBaseUrl, path);

    public Uri Web(string path) => new(run.Target.WebBaseUrl, path);

    public async Task<HttpExchange> SendAsync(OutgoingRequest request)
    {
        HttpExchange exchange;
        try
        {
            exchange = await run.Http.SendAsync(request);
        }
        catch (TargetUnreachableException unreachable)
        {
            // The message names the URL, the cause and what to check; a stack trace would add nothing.
            throw new CheckFailedException(run.Redactor.Redact(unreachable.Message), unreachable);
        }

        app.Record(exchange);
        observations.Record(exchange);
        if (exchange.CutReason is { } cut)
        {
            // Nothing the guide describes is that long; the prefix is the evidence.
            throw new CheckFailedException($"{exchange.Request.Method} {exchange.Request.Url}: {cut}.{Environment.NewLine}{exchange.Describe(run.Redactor)}");
        }

        return exchange;
    }

    /// <summary>
    /// Against a target whose tokens were configured by hand, waits (when needed) so that the
    /// configured refresh token is not used more than the budget allows per minute; throwaway tokens
    /// and tokens no one issued (placeholders, mistyped ones) have no rate limit to protect.
    /// </summary>
    public Task SpendRefreshAsync(string refreshToken) =>
        run.Target.Budget is { } budget && refreshToken == run.Target.Preobtained?.RefreshToken
            ? budget.AcquireAsync(refreshToken)
            : Task.CompletedTask;

    /// <summary>Every token, code, verifier and cookie the scenario comes to hold is masked in all output.</summary>
    public void Protect(string? secret) => run.Redactor.Register(secret);
}
