using System.Text.Json;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// A remote endpoint with an emulator-compatible control API under <c>{ControlUrl}/__control/</c>
/// (the standalone emulator, or anything that speaks the same routes). The suite provisions a fresh
/// app, users and sessions for each scenario through it, so nothing it does is destructive; it has
/// every capability the control API says it offers.
/// </summary>
public sealed partial class ControlApiTarget : IConformanceTarget
{
    /// <summary>Where a provisioned app redirects when Conformance:RedirectUri is not set.</summary>
    public const string DefaultRedirectUri = "http://127.0.0.1/callback";

    private const int MaxShownBody = 500;


    private static readonly Dictionary<Capability, string[]> Needs = new()
    {
        [Capability.Client] = ["clients"],
        [Capability.RedirectUri] = ["clients"],
        [Capability.Consent] = ["accounts", "users", "sessions"],
        [Capability.Approval] = ["accounts", "users", "sessions"],
        // Tokens come from consent: a provisioned app approved by a signed-in owner.
        [Capability.RefreshToken] = ["clients", "accounts", "users", "sessions"],
        [Capability.AccessToken] = ["clients", "accounts", "users", "sessions"],
        [Capability.Clock] = ["clock"],
        [Capability.AMinute] = ["clock"],
        [Capability.Outage] = ["outages"],
        [Capability.Uninstall] = ["uninstall"],
        [Capability.Destructive] = [],
    };

    private readonly TargetHttpClient _http;
    private readonly SecretRedactor _redactor;
    private readonly string _controlBase;
    private readonly string _redirectUri;
    private readonly Lazy<Task<IReadOnlySet<string>>> _offered;

    public ControlApiTarget(ConformanceSettings settings, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
        ApiBaseUrl = ConformanceSettings.Url(settings.ApiBaseUrl, nameof(ConformanceSettings.ApiBaseUrl));
        WebBaseUrl = ConformanceSettings.Url(settings.WebBaseUrl, nameof(ConformanceSettings.WebBaseUrl));
        ControlUrl = ConformanceSettings.Url(settings.ControlUrl, nameof(ConformanceSettings.ControlUrl));
        _controlBase = ControlUrl.AbsoluteUri.TrimEnd('/') + "/__control/";
        _redirectUri = ConformanceSettings.IsSet(settings.RedirectUri) ? settings.RedirectUri!.Trim() : DefaultRedirectUri;
        _http = TargetHttpClient.For(settings);
        // Read once, off any synchronization context, so the synchronous WhyLacking can wait for it;
        // a failure is kept too, so an unreachable target fails every scenario fast with the same message.
        _offered = new Lazy<Task<IReadOnlySet<string>>>(() => Task.Run(ReadOfferedAsync));
    }

    public TargetKind Kind => TargetKind.Remote;

    public Uri ApiBaseUrl { get; }

    public Uri WebBaseUrl { get; }

    public Uri ControlUrl { get; }

    /// <summary>The suite provisions its own tokens here; it needs none configured.</summary>
    public PreobtainedTokens? Preobtained => null;

    public RefreshBudget? Budget => null;

    /// <summary>The capabilities the control API lists at GET /__control/ ("clients", "clock", …), read once.</summary>
    public Task<IReadOnlySet<string>> ControlCapabilitiesAsync() => _offered.Value;

    /// <summary>
    /// Null when the control API offers what the capability needs, else a sentence naming what it
    /// lacks. Throws <see cref="TargetUnreachableException"/> (or <see cref="InvalidOperationException"/>
    /// for a bad answer) when the control API cannot be read: that is a failure, not a reason to skip.
    /// </summary>
    public string? WhyLacking(Capability capability)
    {
        var needs = Needs.TryGetValue(capability, out var names)
            ? names
            : throw new ArgumentOutOfRangeException(nameof(capability), capability, null);
        if (needs.Length == 0)
        {
            return null;
        }

        var offered = _offered.Value.GetAwaiter().GetResult();
        var missing = needs.Where(n => !offered.Contains(n)).ToArray();
        return missing.Length == 0
            ? null
            : $"the control API at {_controlBase} does not offer {string.Join(", ", missing.Select(m => $"'{m}'"))} "
              + $"(it offers: {(offered.Count == 0 ? "nothing" : string.Join(", ", offered.Order(StringComparer.Ordinal)))}).";
    }

    public async Task<AppRegistration> ProvideAppAsync(CancellationToken cancellationToken = default)
    {
        using var answer = await PostAsync("clients", new { redirectUris = new[] { _redirectUri } }, cancellationToken);
        return App(new ControlAnswer(answer.RootElement, "clients"));
    }

    public async Task<SignedInUser> SignInAsync(UserRole role, bool allowlistedAccount, CancellationToken cancellationToken = default)
    {
        string accountId, userId;
        using (var account = await PostAsync("accounts", new { allowlisted = allowlistedAccount }, cancellationToken))
        {
            accountId = Required(new ControlAnswer(account.RootElement, "accounts"), "accountId");
        }

        using (var user = await PostAsync("users", new { accountId, role = role.ToWireName() }, cancellationToken))
        {
            userId = Required(new ControlAnswer(user.RootElement, "users"), "userId");
        }

        using var session = await PostAsync("sessions", new { userId }, cancellationToken);
        return User(new ControlAnswer(session.RootElement, "sessions"), role, allowlistedAccount);
    }

    public async Task AdvanceClockAsync(AppRegistration app, TimeSpan by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var _ = await PostAsync("clock/advance", new { seconds = by.TotalSeconds, clientId = app.ClientId }, cancellationToken);
    }

    public async Task StartOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var _ = await SendAsync(HttpMethod.Put, "outages/" + FamilyName(family), new { clientId = app.ClientId }, cancellationToken);
    }

    public async Task EndOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var _ = await SendAsync(HttpMethod.Delete, $"outages/{FamilyName(family)}?clientId={Uri.EscapeDataString(app.ClientId)}", null, cancellationToken);
    }

    public async Task RemoveAppAsync(AppRegistration app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var _ = await PostAsync($"clients/{Uri.EscapeDataString(app.ClientId)}/uninstall", new { }, cancellationToken);
    }

    public string Describe() => $"remote target with control API (API {ApiBaseUrl}, web {WebBaseUrl}, control {ControlUrl})";

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string FamilyName(EndpointFamily family) => family.ToWireName();

    private async Task<IReadOnlySet<string>> ReadOfferedAsync()
    {
        using var answer = await SendAsync(HttpMethod.Get, string.Empty, null, CancellationToken.None);
        if (!answer.RootElement.TryGetProperty("capabilities", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException(
                $"GET {_controlBase} answered without a \"capabilities\" list: {Shown(answer.RootElement.GetRawText())} Is Conformance:ControlUrl an emulator-compatible control API?");
        }

        return list.EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.String)
            .Select(c => c.GetString()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private Task<JsonDocument> PostAsync(string route, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, route, body, cancellationToken);

    /// <summary>One control call: a 2xx answer as JSON (an empty object for 204), anything else an <see cref="InvalidOperationException"/> that shows it.</summary>
    private async Task<JsonDocument> SendAsync(HttpMethod method, string route, object? body, CancellationToken cancellationToken)
    {
        var request = new OutgoingRequest(method, new Uri(_controlBase + route));
        if (body is not null)
        {
            request = request.WithBody(JsonSerializer.Serialize(body), "application/json");
        }

        return Answer(await _http.SendAsync(request, cancellationToken), request, route);
    }

    private JsonDocument Answer(HttpExchange exchange, OutgoingRequest request, string route)
    {
        var method = request.Method;
        if (exchange.Status is < 200 or > 299)
        {
            throw new InvalidOperationException(
                $"The control API answered {exchange.Status} {exchange.ReasonPhrase} to {method} {request.Url}: {Shown(exchange.Body)}"
                + (exchange.Status == 404 && route.Length == 0 ? " Is Conformance:ControlUrl right, and is the control API on (the emulator without --no-control-api)?" : string.Empty));
        }

        if (string.IsNullOrWhiteSpace(exchange.Body))
        {
            return JsonDocument.Parse("{}");
        }

        try
        {
            var document = JsonDocument.Parse(exchange.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidOperationException($"The control API answered {method} {request.Url} with JSON that is not an object: {Shown(exchange.Body)}");
            }

            return document;
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The control API answered {method} {request.Url} with {exchange.Status} but not JSON: {Shown(exchange.Body)}");
        }
    }

    private AppRegistration App(ControlAnswer answer)
    {
        var clientId = Required(answer, "clientId");
        var clientSecret = Required(answer, "clientSecret");
        _redactor.RegisterClientCredentials(clientId, clientSecret);
        var redirectUri = answer.Json.TryGetProperty("redirectUris", out var uris) && uris.ValueKind == JsonValueKind.Array
            && uris.GetArrayLength() > 0 && uris[0].ValueKind == JsonValueKind.String && uris[0].GetString() is { } first
            ? first
            : _redirectUri;
        return new AppRegistration(clientId, clientSecret, redirectUri);
    }

    private SignedInUser User(ControlAnswer answer, UserRole role, bool allowlistedAccount)
    {
        var cookieName = Required(answer, "cookieName");
        var cookieValue = Required(answer, "cookieValue");
        _redactor.Register(cookieValue);
        return new SignedInUser(role, allowlistedAccount, cookieName, cookieValue);
    }

    private ControlAnswer Part(JsonDocument answer, string name) =>
        answer.RootElement.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object
            ? new ControlAnswer(part, ProvisionsRoute)
            : throw new InvalidOperationException(
                $"The control API's answer to POST {_controlBase}{ProvisionsRoute} has no \"{name}\" object: {Shown(answer.RootElement.GetRawText())}");

    private string Required(ControlAnswer answer, string property) =>
        answer.Json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException(
                $"The control API's answer to POST {_controlBase}{answer.Route} has no \"{property}\": {Shown(answer.Json.GetRawText())}");

    /// <summary>A JSON object the control API answered, and the route it answered (for messages).</summary>
    private readonly record struct ControlAnswer(JsonElement Json, string Route);

    private string Shown(string body)
    {
        return body.Length == 0 ? "(empty body)" : _redactor.RedactAndShorten(body, MaxShownBody);
    }
}
