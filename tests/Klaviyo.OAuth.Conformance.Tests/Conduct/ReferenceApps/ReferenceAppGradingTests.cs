using FluentAssertions;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Conduct;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>
/// Reference apps run one day of an integration against the emulator, meeting every situation
/// its control side can create, and are graded from their recorded traffic: the well-behaved app
/// breaks no rule, and each misbehaving app is caught by exactly the rule it breaks.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ReferenceAppGradingTests
{
    private static readonly (string Rule, Func<KlaviyoEmulator, FakeTimeProvider, EmulatedClient, ReferenceApp> App)[] Misbehaving =
    [
        ("client.stops-after-invalid-grant", (e, t, c) => new KeepsRefreshingRevokedApp(e, t, c)),
        ("client.after-rate-limit", (e, t, c) => new HammersAfterRateLimitApp(e, t, c)),
        ("client.after-unavailable", (e, t, c) => new RetriesUnavailableInALoopApp(e, t, c)),
        ("client.basic-auth", (e, t, c) => new SecretInFormBodyApp(e, t, c)),
        ("client.pkce-s256", (e, t, c) => new PlainPkceApp(e, t, c)),
        ("client.refresh-on-auth-failure", (e, t, c) => new RepeatsFailedCallApp(e, t, c)),
        ("client.bearer-format", (e, t, c) => new LowercaseBearerApp(e, t, c)),
    ];

    [Test]
    public async Task The_well_behaved_app_keeps_every_rule_it_exercised()
    {
        var results = await RunAndGrade((e, t, c) => new ReferenceApp(e, t, c));

        results.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet)
            .Select(r => $"{r.Rule.Id}: {string.Join("; ", r.Evidence.Select(e => e.Breach))}").Should().BeEmpty();
        results.Where(r => r.Verdict == Verdict.Satisfied).Select(r => r.Rule.Id).Should().BeEquivalentTo(
            ClientRuleCatalogue.All.Select(r => r.Id), "the day meets every situation, so every rule is exercised");
    }

    [TestCaseSource(nameof(MisbehavingRules))]
    public async Task Each_misbehaving_app_is_caught_by_exactly_the_rule_it_breaks(string rule)
    {
        var results = await RunAndGrade(Misbehaving.Single(m => m.Rule == rule).App);

        var broken = results.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet).ToList();
        broken.Select(r => r.Rule.Id).Should().Equal([rule], string.Join("\n", broken.SelectMany(r => r.Evidence.Select(e => $"{r.Rule.Id}: {Klaviyo.OAuth.Conformance.Reporting.Conduct.ClientConductReport.Line(e)}"))));
        broken[0].Evidence.Should().NotBeEmpty().And.OnlyContain(e => e.Diagnosis.Length > 0);
    }

    private static IEnumerable<string> MisbehavingRules() => Misbehaving.Select(m => m.Rule);

    private static async Task<IReadOnlyList<ConductResult>> RunAndGrade(Func<KlaviyoEmulator, FakeTimeProvider, EmulatedClient, ReferenceApp> create)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { ApiUrl = "http://127.0.0.1:0", WebUrl = "http://127.0.0.1:0" }, time);
        var client = emulator.RegisterClient();
        using var app = create(emulator, time, client);
        await OneDay(emulator, app);
        var webHost = emulator.WebBaseUrl.Authority;
        return ConductRules.Grade(new AppTraffic(app.Traffic, [webHost]));
    }

    /// <summary>A day in the life of an integration, with every situation the emulator can create.</summary>
    private static async Task OneDay(KlaviyoEmulator emulator, ReferenceApp app)
    {
        var owner = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        var cookie = $"{owner.CookieName}={owner.CookieValue}";
        if (!await app.Connect(cookie))
        {
            return;
        }

        await app.CallApi();
        app.Time.Advance(TimeSpan.FromSeconds(3601));
        await app.CallApi();

        emulator.PutRefreshToken(app.RefreshToken!, Emulator.Model.RefreshTokenSituation.RateLimited);
        await app.Refresh();

        emulator.StartOutage(EndpointFamily.Token, app.Client.ClientId);
        await app.Refresh();
        emulator.EndOutage(EndpointFamily.Token, app.Client.ClientId);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.Refresh();

        emulator.PutRefreshToken(app.RefreshToken!, Emulator.Model.RefreshTokenSituation.Revoked);
        await app.Refresh();
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await app.Refresh();

        if (await app.Connect(cookie))
        {
            await app.CallApi();
            await app.Revoke();
        }
    }
}
