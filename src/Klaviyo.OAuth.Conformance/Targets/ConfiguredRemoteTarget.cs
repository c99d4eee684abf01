using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// A remote endpoint without a control API (real Klaviyo, a gateway in front of it): it offers only
/// what the configured app and tokens allow. It cannot sign users in, move time, take endpoints down
/// or uninstall the app, and it spends the configured tokens only within <see cref="Budget"/> and,
/// destructively, only when <c>AllowDestructive</c> is true. With an <see cref="AssistedSignIn"/>
/// a person approves the app in a browser, and destructive scenarios use the sign-in's throwaway
/// token sets instead of the configured tokens.
/// </summary>
public sealed class ConfiguredRemoteTarget : IConformanceTarget
{
    private const string NoControlApi = "the target has no control API (Conformance:ControlUrl)";

    private readonly ConformanceSettings _settings;
    private readonly AppRegistration? _app;
    private readonly TimeProvider _time;

    /// <summary>The reason every scenario that needs an approval gives when no person can be asked.</summary>
    public const string NeedsSignIn = "needs --sign-in";

    public ConfiguredRemoteTarget(ConformanceSettings settings, SecretRedactor redactor, TimeProvider? timeProvider = null, AssistedSignIn? signIn = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(redactor);
        _settings = settings;
        ApiBaseUrl = ConformanceSettings.Url(settings.ApiBaseUrl, nameof(ConformanceSettings.ApiBaseUrl));
        WebBaseUrl = ConformanceSettings.Url(settings.WebBaseUrl, nameof(ConformanceSettings.WebBaseUrl));
        Budget = new RefreshBudget(timeProvider);
        _time = timeProvider ?? TimeProvider.System;
        SignIn = signIn;

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

    /// <summary>The person who approves the app when the run was started with <c>run --sign-in</c>; null otherwise (and always under <c>dotnet test</c>).</summary>
    public AssistedSignIn? SignIn { get; }

    /// <summary>Every refresh with a configured token goes through this, so the target's rate limit is never reached by accident.</summary>
    public RefreshBudget Budget { get; }

    public string? WhyLacking(Capability capability) => capability switch
    {
        Capability.Client => WhyNoApp(),
        Capability.RedirectUri => _app?.RedirectUri is null
            ? "no redirect URI is configured: set Conformance:RedirectUri to one registered for the app (environment: Conformance__RedirectUri)."
            : null,
        Capability.Consent => "needs a role: " + NoControlApi + " to sign in a user of a given role, on an allowlisted account or not; such scenarios run only against a target with a control API.",
        Capability.Approval => SignIn is not null ? WhyNoApp() : WhyNoSignIn(),
        Capability.RefreshToken => Preobtained?.RefreshToken is null
            ? "no refresh token is configured: set Conformance:RefreshToken to one obtained by installing the app once by hand (environment: Conformance__RefreshToken)."
            : null,
        Capability.AccessToken => Preobtained?.AccessToken is null
            ? "no access token is configured: set Conformance:AccessToken to one obtained by installing the app once by hand (environment: Conformance__AccessToken)."
            : null,
        Capability.Clock => "needs the clock: " + NoControlApi + " to let time pass for the app.",
        Capability.AMinute => null,
        Capability.Outage => "needs an outage: " + NoControlApi + " to take an endpoint down.",
        Capability.Uninstall => "needs the customer's uninstall: " + NoControlApi + " to remove the app from an account.",
        Capability.Destructive => _settings.AllowDestructive || SignIn is not null
            ? null
            : "this scenario revokes or exhausts the configured tokens; run with --sign-in (Conformance:SignIn=true) to give it a throwaway token set, or set Conformance:AllowDestructive=true to allow it on the configured tokens.",
        _ => throw new ArgumentOutOfRangeException(nameof(capability), capability, null),
    };

    public Task<AppRegistration> ProvideAppAsync(CancellationToken cancellationToken = default) =>
        _app is not null ? Task.FromResult(_app) : throw Lacking(Capability.Client);

    public Task<SignedInUser> SignInAsync(UserRole role, bool allowlistedAccount, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Consent);

    /// <summary>A minute or two passes in real time (the target's own clock moves); longer spans need a clock this target does not offer.</summary>
    public Task AdvanceClockAsync(AppRegistration app, TimeSpan by, CancellationToken cancellationToken = default) =>
        by <= LongestWait ? Task.Delay(by + TimeSpan.FromSeconds(1), _time, cancellationToken) : throw Lacking(Capability.Clock);

    /// <summary>The longest span the suite waits out in real time instead of asking for a clock.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    public Task StartOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Outage);

    public Task EndOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Outage);

    public Task RemoveAppAsync(AppRegistration app, CancellationToken cancellationToken = default) =>
        throw Lacking(Capability.Uninstall);

    public string Describe() =>
        $"remote target without a control API (API {ApiBaseUrl}, web {WebBaseUrl}; app {(_app is null ? "not configured" : _app.ClientId)}, "
        + $"refresh token {(Preobtained?.RefreshToken is null ? "not set" : "set")}, access token {(Preobtained?.AccessToken is null ? "not set" : "set")}, "
        + $"destructive scenarios {(SignIn is not null ? "on the sign-in's throwaway tokens" : _settings.AllowDestructive ? "allowed" : "skipped")}, "
        + $"sign-in {(SignIn is not null ? "on" : "off")})";

    /// <summary>
    /// What a scenario needs of this target, given all its needs: a destructive scenario run with the
    /// sign-in gets a throwaway token set, so it needs no configured tokens.
    /// </summary>
    public IEnumerable<Capability> Needs(IReadOnlyList<Capability> needs) =>
        SignIn is not null && needs.Contains(Capability.Destructive)
            ? needs.Where(c => c is not (Capability.RefreshToken or Capability.AccessToken))
            : needs;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string WhyNoSignIn() =>
        NeedsSignIn + (_settings.SignIn
            ? ": Conformance:SignIn is set, but only the tool's run command asks a person to approve the app (dotnet test never asks)."
            : ": the target has no control API to sign a user in; run the tool with --sign-in (Conformance:SignIn=true) to approve the app in a browser.");

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
