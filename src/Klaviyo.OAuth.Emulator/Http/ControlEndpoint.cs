using System.Globalization;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The control API under /__control/ on the API host: over HTTP, what the embedded API does, so a
/// remote run of the suite (or a person with curl) can set up and steer scenarios.
/// </summary>
internal sealed class ControlEndpoint(KlaviyoEmulator emulator)
{
    public const string Prefix = "/__control";

    private static readonly string[] Capabilities = ["clients", "accounts", "users", "sessions", "uninstall", "clock", "outages", "journal", "refresh-tokens", "inject"];

    public EmulatorResponse Handle(EmulatorRequest request)
    {
        var route = request.Path[Prefix.Length..].Trim('/').Split('/');
        try
        {
            using var body = ControlJson.Parse(request.Body);
            return (request.Method, route) switch
            {
                ("GET", [""]) => Ok(200, new { capabilities = Capabilities }, "capabilities"),
                ("POST", ["clients"]) => RegisterClient(body.RootElement),
                ("POST", ["accounts"]) => Ok(201, new { accountId = emulator.CreateAccount(ControlJson.Bool(body.RootElement, "allowlisted") ?? false) }, "account created"),
                ("POST", ["users"]) => Ok(
                    201,
                    new { userId = emulator.CreateUser(ControlJson.RequiredString(body.RootElement, "accountId"), ControlJson.Role(body.RootElement)) },
                    "user created"),
                ("POST", ["sessions"]) => SignIn(body.RootElement),
                ("POST", [ControlProvisioning.Route]) => new ControlProvisioning(emulator).Provision(body.RootElement),
                ("POST", ["clients", var clientId, "uninstall"]) => Uninstall(clientId, body.RootElement),
                ("POST", ["clock", "advance"]) => Advance(body.RootElement),
                ("PUT", ["outages", var family]) => Outage(family, ControlJson.String(body.RootElement, "clientId"), start: true),
                ("DELETE", ["outages", var family]) => Outage(family, FormFields.TryParse(request.RawQuery, out _)?["clientId"], start: false),
                ("GET", ["journal"]) => Journal(request.RawQuery),
                ("POST", ["refresh-tokens", var situation]) => PutRefreshToken(situation, body.RootElement),
                ("POST", ["inject"]) => Inject(body.RootElement),
                ("GET", ["inject"]) => Ok(200, new { pending = emulator.PendingInjections, injectable = KlaviyoEmulator.InjectableBehaviours }, "injections listed"),
                ("DELETE", ["inject"]) => Ok(200, new { dropped = emulator.ClearInjections(FormFields.TryParse(request.RawQuery, out _)?["clientId"]) }, "injections dropped"),
                _ => Error(404, $"No control route {request.Method} {request.Path}."),
            };
        }
        catch (KeyNotFoundException e)
        {
            return Error(404, e.Message);
        }
        catch (JsonException e)
        {
            // The parser's own message quotes the offending text, which may be a secret sent by mistake.
            return Error(400, $"The body is not a JSON object ({JsonParseProblem.Position(e) ?? "it does not parse"}).");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return Error(400, e.Message);
        }
    }

    private EmulatorResponse RegisterClient(JsonElement body)
    {
        var client = emulator.RegisterClient(ControlJson.StringList(body, "redirectUris"), ControlJson.String(body, "name"));
        return Ok(201, new { clientId = client.ClientId, clientSecret = client.ClientSecret, redirectUris = client.RedirectUris, name = client.Name }, $"client {client.ClientId} registered");
    }

    private EmulatorResponse SignIn(JsonElement body)
    {
        var session = emulator.SignIn(ControlJson.RequiredString(body, "userId"));
        return Ok(201, new { cookieName = session.CookieName, cookieValue = session.CookieValue }, "session created");
    }

    private EmulatorResponse Uninstall(string clientId, JsonElement body)
    {
        emulator.RemoveApp(clientId, ControlJson.String(body, "accountId"));
        return EmulatorResponse.Empty(204, $"204 app {clientId} removed");
    }

    private EmulatorResponse Advance(JsonElement body)
    {
        var seconds = ControlJson.Number(body, "seconds") ?? throw new ArgumentException("\"seconds\" (a number) is required.");
        if (seconds < 0 || double.IsNaN(seconds))
        {
            throw new ArgumentException("\"seconds\" must be zero or more.");
        }

        if (seconds > EmulatorClock.MaxAhead.TotalSeconds)
        {
            throw new ArgumentException($"\"seconds\" must be at most {EmulatorClock.MaxAhead.TotalSeconds:0} (a century): the clock runs at most that far ahead.");
        }

        var clientId = ControlJson.String(body, "clientId");
        var now = emulator.AdvanceClock(TimeSpan.FromSeconds(seconds), clientId);
        return Ok(200, new { now = now.ToString("O", CultureInfo.InvariantCulture) }, $"clock advanced {seconds} s for {clientId ?? "everyone"}");
    }

    private EmulatorResponse Outage(string familyName, string? clientId, bool start)
    {
        var family = ControlJson.Family(familyName);
        if (start)
        {
            emulator.StartOutage(family, clientId);
        }
        else
        {
            emulator.EndOutage(family, clientId);
        }

        return EmulatorResponse.Empty(204, $"204 {family} outage {(start ? "started" : "ended")} for {clientId ?? "everyone"}");
    }

    // The token is in the body, never the path, and no answer or journal line quotes it.
    private EmulatorResponse PutRefreshToken(string situationName, JsonElement body)
    {
        RefreshTokenSituation situation = situationName switch
        {
            "revoke" => RefreshTokenSituation.Revoked,
            "expire" => RefreshTokenSituation.Expired,
            "rate-limit" => RefreshTokenSituation.RateLimited,
            _ => throw new KeyNotFoundException($"No refresh-token situation \"{situationName}\"; use revoke, expire or rate-limit."),
        };
        emulator.PutRefreshToken(ControlJson.RequiredString(body, "refreshToken"), situation);
        return EmulatorResponse.Empty(204, $"204 refresh token {situation.ToString().ToLowerInvariant()}");
    }

    private EmulatorResponse Inject(JsonElement body)
    {
        var behaviour = ControlJson.RequiredString(body, "behaviour");
        var times = ControlJson.Number(body, "times") ?? 1;
        if (times != Math.Floor(times) || times < 1 || times > int.MaxValue)
        {
            throw new ArgumentException("\"times\" must be a whole number of requests, at least 1.");
        }

        var clientId = ControlJson.String(body, "clientId");
        if (KlaviyoEmulator.InjectableBehaviours.Values.All(ids => !ids.Contains(behaviour)))
        {
            return EmulatorResponse.Json(
                400,
                JsonText.Serialize(new { error = $"\"{behaviour}\" is not an injectable behaviour.", injectable = KlaviyoEmulator.InjectableBehaviours }),
                "400 control: unknown behaviour to inject");
        }

        emulator.Inject(behaviour, (int)times, clientId);
        return Ok(201, new { behaviour, times = (int)times, clientId }, $"{behaviour} injected on the next {times} requests of {clientId ?? "any app"}");
    }

    private EmulatorResponse Journal(string rawQuery)
    {
        var filter = JournalFilter.Parse(FormFields.TryParse(rawQuery, out var malformed) ?? throw new ArgumentException(malformed ?? "Malformed query."));
        return Ok(200, new { entries = filter.Apply(emulator.Journal) }, "journal read");
    }

    private static EmulatorResponse Ok(int status, object body, string outcome) =>
        EmulatorResponse.Json(status, JsonText.Serialize(body), $"{status} control: {outcome}");

    private static EmulatorResponse Error(int status, string message) =>
        EmulatorResponse.Json(status, JsonText.Serialize(new { error = message }), $"{status} control: {message}");
}
