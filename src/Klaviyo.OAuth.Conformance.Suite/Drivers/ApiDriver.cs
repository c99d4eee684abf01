using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Calls Klaviyo's REST API with a Bearer header, well formed or not.</summary>
public sealed class ApiDriver(TargetExchanges target)
{
    /// <summary>A real, read-only resource every account has.</summary>
    public const string Resource = "api/accounts/";

    public const string Revision = "2024-10-15";

    /// <summary>Calls the API with exactly this Authorization header value (or none).</summary>
    public Task<HttpExchange> CallAsync(string? authorization)
    {
        var request = new OutgoingRequest(HttpMethod.Get, target.Api(Resource))
            .WithHeader("revision", Revision)
            .WithHeader("accept", "application/vnd.api+json");
        return target.SendAsync(authorization is null ? request : request.WithHeader("Authorization", authorization));
    }

    public Task<HttpExchange> CallWithTokenAsync(string accessToken)
    {
        target.Protect(accessToken);
        return CallAsync("Bearer " + accessToken);
    }
}
