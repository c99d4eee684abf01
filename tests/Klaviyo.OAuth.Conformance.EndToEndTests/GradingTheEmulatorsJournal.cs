using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// "Validate your integration" as a developer runs it: an app talks to the standalone emulator,
/// then the installed tool's <c>grade --emulator URL --client ID</c> grades its requests from the
/// journal: a broken documented rule fails with the rule, the request and the tip, and no secret.
/// </summary>
[TestFixture]
public sealed class GradingTheEmulatorsJournal
{
    private PackedTool _tool = null!;

    [OneTimeSetUp]
    public async Task PackAndInstallOnceAsync() => _tool = await PackedTool.PackAndInstallAsync();

    [OneTimeTearDown]
    public void Uninstall() => _tool?.Dispose();

    [Test]
    public async Task An_app_that_sends_its_client_secret_in_the_form_body_fails_on_client_basic_auth()
    {
        using var emulator = await StandaloneEmulator.StartFromToolAsync(_tool.Executable);
        var app = await InstalledApp.InstallAsync(emulator);
        await app.RefreshAsync(emulator, new RequestFaults { Credentials = ClientCredentialStyle.InFormBody });

        var (exitCode, output) = await _tool.RunAsync(_tool.NewWorkingDirectory("secret-in-body").FullName,
            "grade", "--emulator", emulator.ApiUrl.AbsoluteUri, "--client", app.ClientId, "--out", "reports");

        exitCode.Should().Be(1, output);
        output.Should().Contain("not satisfied    client.basic-auth (documented)")
            .And.Contain($"POST {emulator.ApiUrl}oauth/token")
            .And.Contain("tip.authorization-header");
        foreach (var secret in new[] { app.ClientSecret, app.RefreshToken, app.AccessToken })
        {
            output.Should().NotContain(secret);
        }
    }

    [Test]
    public async Task A_well_behaved_app_grades_clean_on_fingerprinted_secrets()
    {
        using var emulator = await StandaloneEmulator.StartFromToolAsync(_tool.Executable);
        var app = await InstalledApp.InstallAsync(emulator);
        var refreshed = await app.RefreshAsync(emulator);
        ((int)refreshed).Should().BeInRange(200, 299);

        var (exitCode, output) = await _tool.RunAsync(_tool.NewWorkingDirectory("well-behaved").FullName,
            "grade", "--emulator", emulator.ApiUrl.AbsoluteUri, "--client", app.ClientId);

        exitCode.Should().Be(0, output);
        output.Should().Contain("satisfied        client.basic-auth").And.Contain("satisfied        client.pkce-s256")
            .And.Contain("0 not satisfied").And.NotContain("not satisfied    ").And.Contain("PASSES");
        output.Should().NotContain(app.ClientSecret).And.NotContain(app.RefreshToken);
    }

    [Test]
    public async Task An_emulator_that_is_not_there_verified_nothing_and_exits_3_with_one_message()
    {
        var (exitCode, output) = await _tool.RunAsync(_tool.NewWorkingDirectory("nobody").FullName,
            "grade", "--emulator", "http://127.0.0.1:9/", "--client", "app");

        // As run against an unreachable target: nothing could be graded, which is not bad input.
        exitCode.Should().Be(Klaviyo.OAuth.Guide.ExitCodes.Unverified, output);
        output.Should().Contain("Cannot grade http://127.0.0.1:9/: the emulator could not be reached").And.NotContain("   at ");
    }
}
