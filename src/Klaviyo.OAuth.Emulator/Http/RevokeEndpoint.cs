using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// POST /oauth/revoke on the API host (RFC 7009). Unlike /oauth/token, a client authentication
/// failure here is 400, as Klaviyo's guide documents.
/// </summary>
internal sealed class RevokeEndpoint(Emulation emulation)
{
    public EmulatorResponse Handle(EmulatorRequest request) => OAuthError.NoStore(Answer(request));

    private EmulatorResponse Answer(EmulatorRequest request) =>
        ClientRequestGate.Admit(emulation, request, EndpointFamily.Revoke, InvalidClient).Then((client, form) => Revoke(request, client, form));

    private EmulatorResponse Revoke(EmulatorRequest request, Client client, FormFields? form)
    {
        if (form is null)
        {
            return InvalidRequest($"body is {request.MediaType ?? "untyped"}, not application/x-www-form-urlencoded");
        }

        var token = form["token"];
        if (string.IsNullOrEmpty(token))
        {
            return InvalidRequest("token missing");
        }

        return EmulatorResponse.Empty(200, "200 " + emulation.Tokens.Revoke(client.Id, token));
    }

    /// <summary>400 here, where /oauth/token answers 401: as Klaviyo's guide documents.</summary>
    public static EmulatorResponse InvalidClient(string reason) => OAuthError.Of(400, "invalid_client", null, reason);

    public static EmulatorResponse InvalidRequest(string outcome) => OAuthError.Of(400, "invalid_request", null, outcome);
}
