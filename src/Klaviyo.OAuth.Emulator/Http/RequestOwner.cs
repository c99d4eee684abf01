using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The app a request belongs to before anything is checked: the id in its Basic credentials, a
/// client_id it names (form body or query), or a token it carries that was seen issued to an app
/// (a refresh token or revoked token in the form, a Bearer access token).
/// </summary>
internal static class RequestOwner
{
    private const string BearerPrefix = "Bearer ";

    public static string? ClientOf(Emulation emulation, EmulatorRequest request)
    {
        var authorization = request.HeaderValues("Authorization");
        if (ClientAuthentication.Parse(authorization).ClientId is { } basicId)
        {
            return basicId;
        }

        if (authorization is [var header] && header.StartsWith(BearerPrefix, StringComparison.Ordinal)
            && emulation.OwnerOf(header[BearerPrefix.Length..].Trim()) is { } bearerOwner)
        {
            return bearerOwner;
        }

        var form = request.IsFormUrlEncoded && request.Body.Length <= emulation.Options.MaxBodyBytes ? FormFields.TryParse(request.Body, out _) : null;
        var query = FormFields.TryParse(request.RawQuery, out _);
        if ((form?["client_id"] ?? query?["client_id"]) is { } named)
        {
            return named;
        }

        return (form?["refresh_token"] ?? form?["token"]) is { } token ? emulation.OwnerOf(token) : null;
    }
}
