using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Speaks to POST /oauth/revoke (RFC 7009) as an app would, correctly or in one of the ways the guide describes.</summary>
public sealed class RevocationDriver(TargetExchanges target, AppClient client)
{
    public Task<HttpExchange> RevokeAsync(string? token, string tokenTypeHint = "refresh_token", ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader, bool asJson = false, bool toWebHost = false)
    {
        target.Protect(token);
        var faults = new RequestFaults { Credentials = credentials, BodyAsJson = asJson, ToWebHost = toWebHost };
        return client.Sending(faults).RevokeAsync(token, tokenTypeHint, faults);
    }
}
