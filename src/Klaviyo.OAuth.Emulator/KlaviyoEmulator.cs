using Klaviyo.OAuth.Emulator.Diagnosis;
using Klaviyo.OAuth.Emulator.Http;
using Klaviyo.OAuth.Emulator.Http.Stubs;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator;

/// <summary>
/// A behavioural model of Klaviyo's OAuth server on two loopback hosts: the API host (as
/// a.klaviyo.com: /oauth/token, /oauth/revoke, /api/…, /__control/…) and the web host (as
/// www.klaviyo.com: /oauth/authorize, /oauth/client). Thread-safe: parallel scenarios can share one.
/// </summary>
public sealed partial class KlaviyoEmulator : IDisposable
{
    private readonly Emulation _emulation;
    private readonly RequestJournal _journal = new();
    private readonly EmulatorHost _api;
    private readonly EmulatorHost _web;
    private readonly UserStubs _stubs;

    private KlaviyoEmulator(EmulatorOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        _emulation = new Emulation(options, timeProvider);
        foreach (var client in options.Clients)
        {
            _emulation.Clients.Register(client);
        }

        var diagnosis = new RefusalDiagnosis(_emulation);
        var sanitizer = new JournalSanitizer();
        string? certificate = null;
        if (options.Https)
        {
            (certificate, HttpsCertificate) = DevelopmentCertificate.InOrMadeIn(options.HttpsCertificateDirectory ?? DevelopmentCertificate.DefaultDirectory);
        }

        _api = new EmulatorHost("api", options.ApiUrl, certificate, Record, () => _emulation.Clock.Now(), diagnosis, options.DiagnosisHeader, sanitizer);
        _stubs = new UserStubs(() => _api.Server);
        _web = new EmulatorHost("web", options.WebUrl, certificate, Record, () => _emulation.Clock.Now(), diagnosis, options.DiagnosisHeader, sanitizer);

        var injection = new InjectionPoint(_emulation);
        var apiProxy = options.UpstreamApiUrl is { } upstreamApi
            ? new UpstreamProxy(_emulation, new Uri(upstreamApi), options.RecordDirectory is { } folder ? new MappingRecorder(folder) : null)
            : null;
        var webProxy = options.UpstreamWebUrl is { } upstreamWeb ? new UpstreamProxy(_emulation, new Uri(upstreamWeb), null) : null;
        _api.Route(HealthEndpoint.Path, HealthEndpoint.Handle);
        if (apiProxy is null)
        {
            _api.Route("/oauth/token", injection.Wrap(InjectableBehaviour.ApiHost, new TokenEndpoint(_emulation).Handle));
            _api.Route("/oauth/revoke", injection.Wrap(InjectableBehaviour.ApiHost, new RevokeEndpoint(_emulation).Handle));
            _api.RoutePrefix("/api/", injection.Wrap(InjectableBehaviour.ApiHost, _stubs.InFrontOfApi(new ApiEndpoint(_emulation, _api.BaseUrl))));
        }
        if (options.EnableControlApi)
        {
            var control = RemoteControl.LoopbackOnly(new ControlEndpoint(this).Handle, options.AllowRemoteControl);
            _api.Route(ControlEndpoint.Prefix, control);
            _api.RoutePrefix(ControlEndpoint.Prefix + "/", control);
            ServeAdminApi(options.AllowRemoteControl);
        }

        ServeMappingFiles(options);

        _api.Fallback(apiProxy is null
            ? _stubs.InFrontOf(request => EmulatorResponse.Json(404, JsonText.Error("not_found"), $"404 no such path on the API host: {request.Path}"))
            : injection.Wrap(InjectableBehaviour.ApiHost, _stubs.InFrontOfUpstream(apiProxy, _emulation)));

        if (webProxy is null)
        {
            _web.Route("/oauth/authorize", injection.Wrap(InjectableBehaviour.WebHost, new AuthorizeEndpoint(_emulation).Handle));
            _web.Route("/oauth/client", injection.Wrap(InjectableBehaviour.WebHost, new ClientPageEndpoint(_emulation).Handle));
            _web.Route("/oauth/token", WrongHostEndpoint.Handle);
            _web.Route("/oauth/revoke", WrongHostEndpoint.Handle);
            _web.Route("/login", new SignInEndpoint(_emulation).Handle);
        }

        _web.Route(HealthEndpoint.Path, HealthEndpoint.Handle);
        _web.Fallback(webProxy is null
            ? request => HtmlPages.NotFound($"no such page on the web host: {request.Path}")
            : injection.Wrap(InjectableBehaviour.WebHost, webProxy.Forward));

        // The hosts listen only now that every route is in place; if either cannot, neither stays up.
        try
        {
            _api.Start();
            _web.Start();
            apiProxy?.Install(_api);
            LoadMappingFiles(options);
            webProxy?.Install(_web);
        }
        catch
        {
            _api.Dispose();
            _web.Dispose();
            throw;
        }

        // Generating the API's data (Bogus loads its locale data first) can take seconds on a busy
        // machine; doing it now, off the request path, keeps an app's first API call from timing out.
        _ = Task.Run(() => _emulation.ApiData);
    }

    /// <summary>Every request answered, as it is journaled (secrets redacted).</summary>
    public event EventHandler<JournalEntry>? RequestHandled;

    /// <summary>The API host, with a trailing slash.</summary>
    public Uri ApiBaseUrl => _api.BaseUrl;

    /// <summary>With <see cref="EmulatorOptions.Https"/>: the certificate both hosts serve (where its PEM is, its SHA-256 fingerprint); null otherwise.</summary>
    public EmulatorCertificate? HttpsCertificate { get; }

    /// <summary>The web host, with a trailing slash.</summary>
    public Uri WebBaseUrl => _web.BaseUrl;

    /// <summary>Recent requests, oldest first (a bounded ring of 1000).</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal.Recent();

    /// <summary>Starts both hosts; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    public static KlaviyoEmulator Start(EmulatorOptions? options = null, TimeProvider? timeProvider = null) =>
        new(options ?? new EmulatorOptions(), timeProvider ?? TimeProvider.System);

    /// <summary>Registers an app with a fresh random id and secret (default redirect: http://127.0.0.1/callback; default name: "Emulated app").</summary>
    public EmulatedClient RegisterClient(IReadOnlyList<string>? redirectUris = null, string? name = null) =>
        _emulation.Clients.Register(redirectUris, name).ToPublic();

    public string CreateAccount(bool allowlisted) => _emulation.Accounts.CreateAccount(allowlisted).Id;

    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public string CreateUser(string accountId, UserRole role) => _emulation.Accounts.CreateUser(accountId, role).Id;

    /// <exception cref="KeyNotFoundException">The user does not exist.</exception>
    public SignedInSession SignIn(string userId) =>
        new(AccountDirectory.SessionCookieName, _emulation.Accounts.SignIn(userId));

    /// <summary>The customer uninstalls the app: revokes its refresh and access tokens (in one account, or all).</summary>
    public void RemoveApp(string clientId, string? accountId = null)
    {
        RequireClient(clientId);
        _emulation.Tokens.RemoveApp(clientId, accountId);
    }

    /// <summary>Moves time forward for everyone, or only for one client; returns the new "now" as seen there.</summary>
    public DateTimeOffset AdvanceClock(TimeSpan by, string? clientId = null)
    {
        RequireClient(clientId);
        return _emulation.Clock.Advance(by, clientId);
    }

    /// <summary>Takes an endpoint family down (503) for everyone, or only for requests attributable to one client.</summary>
    public void StartOutage(EndpointFamily family, string? clientId = null)
    {
        RequireClient(clientId);
        _emulation.Outages.Start(family, clientId);
    }

    /// <summary>
    /// Puts a refresh token the emulator issued in a situation (revoked, expired, rate-limited), so
    /// an app's tests meet that refusal on its next refresh.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The emulator issued no such refresh token (the message never quotes it).</exception>
    public void PutRefreshToken(string refreshToken, RefreshTokenSituation situation)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        if (!_emulation.Tokens.ApplySituation(refreshToken, situation))
        {
            throw new KeyNotFoundException("No such refresh token.");
        }
    }

    public void EndOutage(EndpointFamily family, string? clientId = null) => _emulation.Outages.End(family, clientId);

    /// <summary>The behaviour ids <see cref="Inject"/> takes, by host ("api", "web").</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> InjectableBehaviours { get; } =
        InjectableBehaviour.All.GroupBy(b => b.Host).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(b => b.Id)]);

    /// <summary>
    /// Answers the next <paramref name="times"/> requests of the kind <paramref name="behaviourId"/>
    /// documents (refresh grants for token.refresh.*, /api/ calls for api.*, …) with that
    /// behaviour's answer, for any app or only for <paramref name="clientId"/>'s requests; in front
    /// of the model and of an upstream alike.
    /// </summary>
    /// <exception cref="ArgumentException">Not an injectable behaviour id (the message lists them), or times below 1.</exception>
    public void Inject(string behaviourId, int times = 1, string? clientId = null)
    {
        var behaviour = InjectableBehaviour.Find(behaviourId)
            ?? throw new ArgumentException($"\"{behaviourId}\" is not an injectable behaviour; use one of {InjectableBehaviour.IdList}.", nameof(behaviourId));
        if (times < 1)
        {
            throw new ArgumentException("times must be at least 1.", nameof(times));
        }

        _emulation.Injections.Add(behaviour.Id, behaviour.Site, times, clientId);
    }

    /// <summary>What is injected on the coming requests, oldest first.</summary>
    public IReadOnlyList<PendingInjection> PendingInjections => _emulation.Injections.Pending();

    /// <summary>Drops the pending injections (all, or one app's); returns how many.</summary>
    public int ClearInjections(string? clientId = null) => _emulation.Injections.Clear(clientId);

    public void Dispose()
    {
        _mappingWatcher?.Dispose();
        _api.Dispose();
        _web.Dispose();
    }

    private void RequireClient(string? clientId)
    {
        if (clientId is not null && _emulation.Clients.Find(clientId) is null)
        {
            throw new KeyNotFoundException("The client does not exist.");
        }
    }

    private void Record(JournalEntry entry)
    {
        _journal.Add(entry);
        try
        {
            RequestHandled?.Invoke(this, entry);
        }
        catch (Exception)
        {
            // A subscriber's failure (e.g. a closed console) must not turn a response into a 500.
        }
    }
}
