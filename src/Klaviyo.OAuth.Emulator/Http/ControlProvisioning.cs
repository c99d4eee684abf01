using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// POST /__control/provisions: what a scenario needs before it starts, in one round trip instead of
/// one per thing — an app (<c>"client": {"redirectUris": [...]}</c>), a signed-in user of a new
/// account (<c>"user": {"role": "owner", "allowlisted": true}</c>), or both. The answer carries what
/// POST /clients and POST /accounts, /users and /sessions answer, under <c>"client"</c> and
/// <c>"user"</c>. The body is read whole before anything is created, so a mistake creates nothing.
/// </summary>
internal sealed class ControlProvisioning(KlaviyoEmulator emulator)
{
    public const string Route = "provisions";

    public EmulatorResponse Provision(JsonElement body)
    {
        var client = Part(body, "client");
        var user = Part(body, "user");
        if (client is null && user is null)
        {
            throw new ArgumentException("Name what to provision: \"client\" ({\"redirectUris\": [...]}), \"user\" ({\"role\": \"owner\", \"allowlisted\": true}), or both.");
        }

        var redirectUris = client is { } c ? ControlJson.StringList(c, "redirectUris") : null;
        var name = client is { } n ? ControlJson.String(n, "name") : null;
        var role = user is { } r ? ControlJson.Role(r) : (UserRole?)null;
        var allowlisted = user is { } a && (ControlJson.Bool(a, "allowlisted") ?? false);

        object? registered = null;
        if (client is not null)
        {
            var app = emulator.RegisterClient(redirectUris, name);
            registered = new { clientId = app.ClientId, clientSecret = app.ClientSecret, redirectUris = app.RedirectUris, name = app.Name };
        }

        object? signedIn = null;
        if (role is { } userRole)
        {
            var accountId = emulator.CreateAccount(allowlisted);
            var userId = emulator.CreateUser(accountId, userRole);
            var session = emulator.SignIn(userId);
            signedIn = new { accountId, userId, cookieName = session.CookieName, cookieValue = session.CookieValue };
        }

        var what = string.Join(" and ", new[] { client is null ? null : "a client", role is { } named ? "a signed-in " + named.ToWireName() : null }.OfType<string>());
        return EmulatorResponse.Json(201, JsonText.Serialize(new { client = registered, user = signedIn }), $"201 control: provisioned {what}");
    }

    private static JsonElement? Part(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var part) || part.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return part.ValueKind == JsonValueKind.Object ? part : throw new ArgumentException($"\"{name}\" must be an object.");
    }
}
