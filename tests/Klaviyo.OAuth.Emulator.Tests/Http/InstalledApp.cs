using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// An app registered with an emulator, as the reference client: approved by a signed-in owner
/// (the consent form posted with the session) with the tests' fixed PKCE pair, and its code
/// exchanged. Tests of the requests themselves send them by hand (<see cref="Scenario"/>).
/// </summary>
internal sealed class InstalledApp(KlaviyoEmulator emulator, EmulatedClient client, TargetHttpClient http, string cookie, string scope = "accounts:read")
{
    public ReferenceClient Reference { get; } =
        new(new AppRegistration(client.ClientId, client.ClientSecret, Scenario.RedirectUri), emulator.ApiBaseUrl, emulator.WebBaseUrl, http);

    /// <summary>The code of an approval whose challenge is <paramref name="challenge"/> (by default the S256 hash of <see cref="Scenario.Verifier"/>).</summary>
    public async Task<string> ApproveAsync(string challenge = Scenario.Challenge, string state = "st-123")
    {
        var request = Reference.Authorization(Scenario.Verifier, challenge, state, scope);
        var redirect = await Reference.AllowAsync(request, cookie);
        redirect.Status.Should().Be(302, redirect.Body);
        return AuthorizationResponse.Of(redirect).Code ?? throw new InvalidOperationException($"The approval's redirect carries no code: {redirect.Header("Location")}");
    }

    /// <summary>Approves and exchanges the code: the tokens an installed app holds.</summary>
    public async Task<TokenSet> ObtainTokensAsync()
    {
        var exchange = await Reference.ExchangeCodeAsync(await ApproveAsync(), Scenario.Verifier);
        return TokenSet.Issued(exchange) ?? throw new InvalidOperationException($"The code exchange answered {exchange.Status}: {exchange.Body}");
    }

    /// <summary>Registers an app and an allowlisted owner on <paramref name="emulator"/> and installs it.</summary>
    public static Task<TokenSet> InstallAsync(KlaviyoEmulator emulator, TargetHttpClient http, string scope = "accounts:read")
    {
        var session = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        return new InstalledApp(emulator, emulator.RegisterClient([Scenario.RedirectUri]), http, $"{session.CookieName}={session.CookieValue}", scope).ObtainTokensAsync();
    }
}
