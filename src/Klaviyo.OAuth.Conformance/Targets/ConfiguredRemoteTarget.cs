using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// A remote endpoint without a control API (real Klaviyo, a gateway in front of it): it offers only
/// what the configured app and tokens allow. It cannot sign users in, move time, take endpoints down
/// or uninstall the app, and it spends the configured tokens only within <see cref="Budget"/> and,
/// destructively, only when <c>AllowDestructive</c> is true.
/// </summary>
public sealed class ConfiguredRemoteTarget : IConformanceTarget
{
    private const string NoControlApi = "the target has no control API (Conformance:ControlUrl)";

    private readonly ConformanceSettings _settings;
    private readonly AppRegistration? _app;

    public ConfiguredRemoteTarget(ConformanceSettings settings, SecretRedactor redactor, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(redactor);
        _settings = settings;
        ApiBaseUrl = ConformanceSettings.Url(settings.ApiBaseUrl, nameof(ConformanceSettings.ApiBaseUrl));
        WebBaseUrl = ConformanceSettings.Url(settings.WebBaseUrl, nameof(ConformanceSettings.WebBaseUrl));
        Budget = new RefreshBudget(timeProvider);

        if (ConformanceSettings.IsSet(settings.ClientId) && ConformanceSettings.IsSet(settings.ClientSecret))
        {
            redactor.RegisterClientCredentials(settings.ClientId!, settings.ClientSecret!);
            _app = new AppRegistration(settings.ClientId!, settings.ClientSecret!, ConformanceSettings.IsSet(settings.RedirectUri) ? settings.RedirectUri : null);
        }

        redactor.Register(settings.ClientSecret);
        redactor.Register(settings.RefreshToken);
        redactor.Register(settings.AccessToken);

        var refreshToken = ConformanceSettings.IsSet(settings.RefreshToken) ? settings.RefreshToken : null;
        var accessToken = ConformanceSettings.IsSet(settings.AccessToken) ? settings.AccessToken : null;
        Preobtained = refreshToken is null && accessToken is null ? null : new PreobtainedTokens(refreshToken, accessToken);
    }

    public TargetKind Kind => TargetKind.Remote;

    public Uri ApiBaseUrl { get; }

    public Uri WebBaseUrl { get; }

    public PreobtainedTokens? Preobtained { get; }

    /// <summary>Every refresh with a configured token goes through this, so the target's rate limit is never reached by accident.</summary>
    public RefreshBudget Budget { get; }

    public string? WhyLacking(Capability capability) => capability switch
    {
        Capability.Client => WhyNoApp(),
        Capability.RedirectUri => _app?.RedirectUri is null
            ? "no redirect URI is configured: set Conformance:RedirectUri to one registered for the app (environment: Conformance__RedirectUri)."
            : null,
        Capability.Consent => NoControlApi + " to sign a user in; scenarios that need consent run only against a target with a control API.",
        Capability.RefreshToken => Preobtained?.RefreshToken is null
            ? "no refresh token is configured: set Conformance:RefreshToken to one obtained by installing the app once by hand (environment: Conformance__RefreshToken)."
            : null,
        Capability.AccessToken => Preobtained?.AccessToken is null
            ? "no access token is configured: set Conformance:AccessToken to one obtained by installing the app once by hand (environment: Conformance__AccessToken)."
            : null,
        Capability.Clock => NoControlApi + " to let time pass for the app.",
        Capability.Outage => NoControlApi + " to take an endpoint down.",
        Capability.Uninstall => NoControlApi + " to remove the app from an account.",
        Capability.Destructive => _settings.AllowDestructive
            ? null
            : "this scenario revokes or exhausts the configured tokens; set Conformance:AllowDestructive=true to allow it.",
        _ => throw new ArgumentOutOfRangeException(nameof(capability), capability, null),
    };

    public Task<AppRegistration> ProvideAppAsync(CancellationToken cancellationToken = default) =>
        _app is not null ? Task.FromResult(_app) : throw Lacking(Capability.Client);

    public Task<SignedInUser> SignInAsync(UserRole role, bool allowlistedAccount, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Consent);

    public Task AdvanceClockAsync(AppRegistration app, TimeSpan by, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Clock);

    public Task StartOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Outage);

    public Task EndOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Outage);

    public Task RemoveAppAsync(AppRegistration app, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Uninstall);

    public string Describe() =>
        $"remote target without a control API (API {ApiBaseUrl}, web {WebBaseUrl}; app {(_app is null ? "not configured" : _app.ClientId)}, "
        + $"refresh token {(Preobtained?.RefreshToken is null ? "not set" : "set")}, access token {(Preobtained?.AccessToken is null ? "not set" : "set")}, "
        + $"destructive scenarios {(_settings.AllowDestructive ? "allowed" : "skipped")})";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string? WhyNoApp()
    {
        var missing = new[]
        {
            (Key: nameof(ConformanceSettings.ClientId), Value: _settings.ClientId),
            (Key: nameof(ConformanceSettings.ClientSecret), Value: _settings.ClientSecret),
        }.Where(s => !ConformanceSettings.IsSet(s.Value)).Select(s => s.Key).ToArray();

        return missing.Length == 0
            ? null
            : $"no app is configured: set {string.Join(", ", missing.Select(k => "Conformance:" + k))} to an app registered with the target "
              + $"(environment: {string.Join(", ", missing.Select(k => "Conformance__" + k))}).";
    }

    private InvalidOperationException Lacking(Capability capability) =>
        new($"The target cannot provide '{CapabilityTags.TagOf(capability)}': {WhyLacking(capability)}");
}
