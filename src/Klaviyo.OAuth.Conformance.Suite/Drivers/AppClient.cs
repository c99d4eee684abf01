using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The scenario's app as the reference client: it builds the OAuth requests, and what it sends goes
/// through <see cref="TargetExchanges"/>, so each exchange is the app's latest and an unreachable
/// target fails the scenario saying where and why.
/// </summary>
public sealed class AppClient(ConformanceRun run, AppUnderTest app, TargetExchanges target)
{
    /// <summary>The client of the app registered with the target.</summary>
    public ReferenceClient Registered => For(
        app.Registration ?? throw new InvalidOperationException("The scenario has no app yet: start it with 'Given an app registered with the target'."));

    /// <summary>
    /// The client for a request with these faults. To the web host the request goes with placeholder
    /// credentials: the scenario needs no app there, and no real secret goes where it does not belong.
    /// </summary>
    public ReferenceClient Sending(RequestFaults faults) => faults.ToWebHost ? For(MistypedTokens.PlaceholderApp) : Registered;

    private ReferenceClient For(AppRegistration registration) =>
        new(registration, run.Target.ApiBaseUrl, run.Target.WebBaseUrl, (request, _) => target.SendAsync(request));
}
