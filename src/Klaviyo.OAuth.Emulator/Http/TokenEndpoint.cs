using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// POST /oauth/token on the API host. Checks run in a fixed order: outage, body, client
/// authentication (401), content type and grant type, then the grant's own checks.
/// </summary>
internal sealed class TokenEndpoint(Emulation emulation)
{
    private readonly RefreshTokenGrant _refresh = new(emulation);
    private readonly AuthorizationCodeGrant _code = new(emulation);

    public EmulatorResponse Handle(EmulatorRequest request) => OAuthError.NoStore(Answer(request));

    public static EmulatorResponse InvalidClient(string reason) =>
        OAuthError.Of(401, "invalid_client", null, reason).WithHeader("WWW-Authenticate", "Basic realm=\"Klaviyo OAuth\"");

    private EmulatorResponse Answer(EmulatorRequest request) =>
        ClientRequestGate.Admit(emulation, request, EndpointFamily.Token, InvalidClient).Then((client, form) => Grant(request, client, form));

    private EmulatorResponse Grant(EmulatorRequest request, Client client, FormFields? form)
    {
        if (form is null)
        {
            return UnsupportedGrantType($"body is {request.MediaType ?? "untyped"}, not application/x-www-form-urlencoded");
        }

        return form["grant_type"] switch
        {
            "refresh_token" => _refresh.Exchange(client, form),
            "authorization_code" => _code.Exchange(client, form),
            null => UnsupportedGrantType("grant_type missing"),
            var other => UnsupportedGrantType($"grant_type '{other}' is not supported"),
        };
    }

    public static EmulatorResponse UnsupportedGrantType(string outcome) => OAuthError.Of(400, "unsupported_grant_type", null, outcome);
}
