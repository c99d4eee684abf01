using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Specs.Support;

namespace Klaviyo.OAuth.Conformance.Specs.Drivers;

/// <summary>
/// The one way drivers talk to the target: sends a request, registers the secrets it carries with
/// the redactor first, and records the exchange as the app's latest.
/// </summary>
public sealed class TargetExchanges(ConformanceRun run, AppUnderTest app)
{
    public Uri Api(string path) => new(run.Target.ApiBaseUrl, path);

    public Uri Web(string path) => new(run.Target.WebBaseUrl, path);

    public async Task<HttpExchange> SendAsync(OutgoingRequest request)
    {
        Protect(app.Registration?.ClientSecret);
        if (app.Registration is { } registration)
        {
            run.Redactor.RegisterClientCredentials(registration.ClientId, registration.ClientSecret);
        }

        var exchange = await run.Http.SendAsync(request);
        app.Record(exchange);
        return exchange;
    }

    /// <summary>Every token, code, verifier and cookie the scenario comes to hold is masked in all output.</summary>
    public void Protect(string? secret) => run.Redactor.Register(secret);
}
