using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Time passing for the scenario's app, and outages — both through the target's capabilities.</summary>
[Binding]
public sealed class TimeAndOutageSteps(TargetControlDriver control, AppUnderTest app)
{
    [Given("the app's refresh token has not been used for {int} days")]
    [When("{int} days pass")]
    [When("another {int} days pass")]
    public Task DaysPass(int days) => control.LetTimePassAsync(TimeSpan.FromDays(days));

    [When("a minute passes")]
    public Task AMinutePasses() => control.LetTimePassAsync(TimeSpan.FromMinutes(1));

    [When("the app's access token expires")]
    public Task WhenTheAppsAccessTokenExpires() =>
        control.LetTimePassAsync(TimeSpan.FromSeconds((app.Tokens?.ExpiresIn ?? 3600) + 1));

    [Given(@"^the (token|revoke|authorization|API) service is down$")]
    public Task GivenTheServiceIsDown(EndpointFamily service) => control.StartOutageAsync(service);

    [AfterScenario]
    public Task EndOutages() => control.EndOutagesAsync();
}
