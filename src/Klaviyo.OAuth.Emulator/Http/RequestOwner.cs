using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The app a request belongs to before anything is checked, on either host and for every endpoint:
/// the id in its Basic credentials, a client_id it names (form body or query: an authorization
/// request names its app so), or a token or code it carries that was issued to an app (a refresh
/// token or revoked token in the form, an authorization code, a bearer access token whatever the
/// case of its scheme).
/// </summary>
internal static class RequestOwner
{
    private const string BearerScheme = "Bearer";

    public static string? ClientOf(Emulation emulation, EmulatorRequest request)
    {
        var authorization = request.HeaderValues("Authorization");
        if (ClientAuthentication.Parse(authorization).ClientId is { } basicId)
        {
            return basicId;
        }

        if (authorization is [var header] && header.TrimStart() is var credentials
            && credentials.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) && credentials.Length > BearerScheme.Length && char.IsWhiteSpace(credentials[BearerScheme.Length])
            && emulation.OwnerOf(credentials[BearerScheme.Length..].Trim()) is { } bearerOwner)
        {
            return bearerOwner;
        }

        var form = request.IsFormUrlEncoded && request.Body.Length <= emulation.Options.MaxBodyBytes ? FormFields.TryParse(request.Body, out _) : null;
        var query = FormFields.TryParse(request.RawQuery, out _);
        if ((form?["client_id"] ?? query?["client_id"]) is { } named)
        {
            return named;
        }

        return (form?["refresh_token"] ?? form?["token"] ?? form?["code"]) is { } token ? emulation.OwnerOf(token) : null;
    }
}
