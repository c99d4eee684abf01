using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;
using EmulatorOptions = Klaviyo.OAuth.Emulator.EmulatorOptions;
using KlaviyoEmulator = Klaviyo.OAuth.Emulator.KlaviyoEmulator;

namespace Klaviyo.OAuth.Conformance.Suite.Targets;

/// <summary>
/// The emulator, started in-process on free loopback ports. It has every capability; each scenario
/// gets its own app, so time and outages are scoped to that app and scenarios run side by side.
/// </summary>
public sealed class EmbeddedTarget : IConformanceTarget
{
    private readonly KlaviyoEmulator _emulator;

    private EmbeddedTarget(KlaviyoEmulator emulator) => _emulator = emulator;

    public TargetKind Kind => TargetKind.Embedded;

    public Uri ApiBaseUrl => _emulator.ApiBaseUrl;

    public Uri WebBaseUrl => _emulator.WebBaseUrl;

    public PreobtainedTokens? Preobtained => null;

    public RefreshBudget? Budget => null;

    public static EmbeddedTarget Start(EmulatorOptions? options = null, TimeProvider? timeProvider = null) =>
        new(KlaviyoEmulator.Start(options ?? new EmulatorOptions { EnableControlApi = false }, timeProvider));

    public string? WhyLacking(Capability capability) => null;

    public Task<AppRegistration> ProvideAppAsync(CancellationToken cancellationToken = default)
    {
        var client = _emulator.RegisterClient();
        return Task.FromResult(new AppRegistration(client.ClientId, client.ClientSecret, client.RedirectUris[0]));
    }

    public Task<SignedInUser> SignInAsync(UserRole role, bool allowlistedAccount, CancellationToken cancellationToken = default)
    {
        var account = _emulator.CreateAccount(allowlistedAccount);
        var user = _emulator.CreateUser(account, role);
        var session = _emulator.SignIn(user);
        return Task.FromResult(new SignedInUser(role, allowlistedAccount, session.CookieName, session.CookieValue));
    }

    public Task AdvanceClockAsync(AppRegistration app, TimeSpan by, CancellationToken cancellationToken = default)
    {
        _emulator.AdvanceClock(by, app.ClientId);
        return Task.CompletedTask;
    }

    public Task StartOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default)
    {
        _emulator.StartOutage(family, app.ClientId);
        return Task.CompletedTask;
    }

    public Task EndOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default)
    {
        _emulator.EndOutage(family, app.ClientId);
        return Task.CompletedTask;
    }

    public Task RemoveAppAsync(AppRegistration app, CancellationToken cancellationToken = default)
    {
        _emulator.RemoveApp(app.ClientId);
        return Task.CompletedTask;
    }

    public string Describe() => $"embedded emulator (API {ApiBaseUrl}, web {WebBaseUrl})";

    public ValueTask DisposeAsync()
    {
        _emulator.Dispose();
        return ValueTask.CompletedTask;
    }
}
