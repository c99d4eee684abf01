using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// Creates situations through the target's capabilities: an app, a signed-in user, time passing for
/// this app, an outage, the customer removing the app. Outages are ended when the scenario ends.
/// </summary>
public sealed class TargetControlDriver(ConformanceRun run, AppUnderTest app, TargetExchanges target)
{
    private readonly List<EndpointFamily> _outages = [];

    public async Task<AppRegistration> RegisterAppAsync()
    {
        var registration = await run.Target.ProvideAppAsync();
        run.Redactor.RegisterClientCredentials(registration.ClientId, registration.ClientSecret);
        app.Registration = registration;
        return registration;
    }

    public async Task<SignedInUser> SignInAsync(UserRole role, bool allowlistedAccount = true)
    {
        var user = await run.Target.SignInAsync(role, allowlistedAccount);
        target.Protect(user.CookieValue);
        app.User = user;
        return user;
    }

    public Task LetTimePassAsync(TimeSpan duration) => run.Target.AdvanceClockAsync(RegisteredApp, duration);

    public async Task StartOutageAsync(EndpointFamily family)
    {
        await run.Target.StartOutageAsync(family, RegisteredApp);
        _outages.Add(family);
    }

    public async Task EndOutagesAsync()
    {
        foreach (var family in _outages)
        {
            await run.Target.EndOutageAsync(family, RegisteredApp);
        }

        _outages.Clear();
    }

    public Task RemoveAppAsync() => run.Target.RemoveAppAsync(RegisteredApp);

    private AppRegistration RegisteredApp =>
        app.Registration ?? throw new InvalidOperationException("The scenario has no app yet: start it with 'Given an app registered with the target'.");
}
