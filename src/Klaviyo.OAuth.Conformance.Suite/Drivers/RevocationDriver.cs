using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>Speaks to POST /oauth/revoke (RFC 7009) as an app would.</summary>
public sealed class RevocationDriver(TargetExchanges target, TokenEndpointDriver tokens)
{
    public const string Path = "oauth/revoke";

    public Task<HttpExchange> RevokeAsync(string? token, string tokenTypeHint = "refresh_token", ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader, bool asJson = false, bool toWebHost = false)
    {
        target.Protect(token);
        var body = token is null ? FormBody.Of() : FormBody.Of(("token", token), ("token_type_hint", tokenTypeHint));
        var request = new OutgoingRequest(HttpMethod.Post, toWebHost ? target.Web(Path) : target.Api(Path));
        return target.SendAsync(tokens.Authenticated(request, body, credentials, asJson, toWebHost));
    }
}
