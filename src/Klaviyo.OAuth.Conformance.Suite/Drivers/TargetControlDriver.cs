using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// Creates situations through the target's capabilities: an app, a signed-in user, time passing for
/// this app, an outage, the customer removing the app. Outages are ended when the scenario ends.
/// The app and the user a scenario's first steps ask for are provided together, in one request
/// where the target can, when a step first needs them (<see cref="ProvisionAsync"/>).
/// </summary>
public sealed class TargetControlDriver(ConformanceRun run, AppUnderTest app, TargetExchanges target)
{
    private readonly List<EndpointFamily> _outages = [];
    private bool _appWanted;
    private WantedUser? _userWanted;

    /// <summary>The scenario wants an app: provided with the next <see cref="ProvisionAsync"/>.</summary>
    public void WantApp() => _appWanted = true;

    /// <summary>The scenario wants a signed-in user: provided with the next <see cref="ProvisionAsync"/>.</summary>
    public async Task WantSignedInUserAsync(UserRole role, bool allowlistedAccount = true)
    {
        if (_userWanted is not null)
        {
            // A second user replaces the first: the first is signed in first, as the steps say.
            await ProvisionAsync();
        }

        _userWanted = new WantedUser(role, allowlistedAccount);
    }

    /// <summary>Provides what the scenario wants and does not have yet; nothing when it wants nothing more.</summary>
    public async Task ProvisionAsync()
    {
        var wanted = new ScenarioProvision(_appWanted, _userWanted);
        if (wanted.IsEmpty)
        {
            return;
        }

        _appWanted = false;
        _userWanted = null;
        var provisioned = await run.Target.ProvisionAsync(wanted);
        if (provisioned.App is { } registration)
        {
            run.Redactor.RegisterClientCredentials(registration.ClientId, registration.ClientSecret);
            app.Registration = registration;
        }

        if (provisioned.User is { } user)
        {
            target.Protect(user.CookieValue);
            app.User = user;
        }
    }

    /// <summary>Whether a signed-in user is there or wanted.</summary>
    public bool HasUser => app.User is not null || _userWanted is not null;

    public async Task LetTimePassAsync(TimeSpan duration) => await run.Target.AdvanceClockAsync(await RegisteredAppAsync(), duration);

    public async Task StartOutageAsync(EndpointFamily family)
    {
        await run.Target.StartOutageAsync(family, await RegisteredAppAsync());
        _outages.Add(family);
    }

    public async Task EndOutagesAsync()
    {
        foreach (var family in _outages)
        {
            await run.Target.EndOutageAsync(family, await RegisteredAppAsync());
        }

        _outages.Clear();
    }

    public async Task RemoveAppAsync() => await run.Target.RemoveAppAsync(await RegisteredAppAsync());

    private async Task<AppRegistration> RegisteredAppAsync()
    {
        await ProvisionAsync();
        return app.Registration ?? throw new InvalidOperationException("The scenario has no app yet: start it with 'Given an app registered with the target'.");
    }
}
