using System.Net;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>grade --emulator URL --client ID</c> sees every request the emulator can attribute to the app,
/// as a capture of the same traffic would: whatever the case of its Bearer scheme, on either host.
/// An app of which the journal holds no request is not a pass.
/// </summary>
public sealed class GradeJournalCommandTests : ToolCommandTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private KlaviyoEmulator _emulator = null!;
    private string _cookie = null!;

    [SetUp]
    public void StartEmulator()
    {
        _emulator = KlaviyoEmulator.Start(new EmulatorOptions { ApiUrl = "http://127.0.0.1:0", WebUrl = "http://127.0.0.1:0" }, _time);
        var owner = _emulator.SignIn(_emulator.CreateUser(_emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        _cookie = $"{owner.CookieName}={owner.CookieValue}";
    }

    [TearDown]
    public void StopEmulator() => _emulator.Dispose();

    [Test]
    public async Task An_api_call_with_a_lower_case_bearer_scheme_breaks_the_bearer_rule()
    {
        using var app = new LowercaseBearerApp(_emulator, _time, _emulator.RegisterClient());
        (await app.Connect(_cookie)).Should().BeTrue();
        await app.CallApi();

        var exit = Grade(app.Client.ClientId);

        exit.Should().Be(ExitCodes.FailsBuild, Output + Error);
        Output.Should().Contain("not satisfied    client.bearer-format (documented)").And.Contain("FAILS");
    }

    [Test]
    public async Task A_token_request_sent_to_the_web_host_breaks_the_api_host_rule()
    {
        using var app = new ReferenceApp(_emulator, _time, _emulator.RegisterClient());
        (await app.Connect(_cookie)).Should().BeTrue();
        (await app.Reference.RefreshAsync(app.RefreshToken!, new RequestFaults { ToWebHost = true })).Status.Should().Be((int)HttpStatusCode.Forbidden);

        var exit = Grade(app.Client.ClientId);

        exit.Should().Be(ExitCodes.FailsBuild, Output + Error);
        Output.Should().Contain("not satisfied    client.api-host (documented)").And.Contain("/oauth/token → 403");
    }

    [Test]
    public void An_app_with_no_request_in_the_journal_is_not_a_pass_and_exits_3()
    {
        var exit = Grade("nosuchclient");

        exit.Should().Be(ExitCodes.Unverified, Output + Error);
        Output.Should().Contain("no request of nosuchclient").And.NotContain("PASSES");
    }

    [Test]
    public async Task Requests_no_app_can_be_recognised_in_are_counted()
    {
        using var app = new ReferenceApp(_emulator, _time, _emulator.RegisterClient());
        (await app.Connect(_cookie)).Should().BeTrue();
        using (var http = new HttpClient())
        {
            (await http.GetAsync(new Uri(_emulator.ApiBaseUrl, "api/accounts/"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        Grade(app.Client.ClientId).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("1 request in the journal could not be attributed to any app");
    }

    private int Grade(string clientId) =>
        RunTool(["grade", "--emulator", _emulator.ApiBaseUrl.AbsoluteUri, "--client", clientId]);
}
