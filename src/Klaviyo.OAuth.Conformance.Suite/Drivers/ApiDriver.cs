using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Suite.Support;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Calls Klaviyo's REST API with a Bearer header, well formed or not.</summary>
public sealed class ApiDriver(ConformanceRun run, TargetExchanges target)
{
    /// <summary>Calls the API with exactly this Authorization header value (or none).</summary>
    public Task<HttpExchange> CallAsync(string? authorization) =>
        target.SendAsync(ReferenceClient.ApiRequest(run.Target.ApiBaseUrl, authorization));

    public Task<HttpExchange> CallWithTokenAsync(string accessToken)
    {
        target.Protect(accessToken);
        return CallAsync(ReferenceClient.Bearer(accessToken));
    }
}
