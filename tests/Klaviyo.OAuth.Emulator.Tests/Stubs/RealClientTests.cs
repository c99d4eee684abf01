using System.Net;
using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel.Client;
using Klaviyo.OAuth.Emulator.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// Duende.IdentityModel, a real OAuth client library, configured with a fixed app
/// (<c>--client ID:SECRET:REDIRECT_URI</c>, no control call): it exchanges a code, refreshes, and
/// reads a stubbed endpoint with its bearer; the stub never sees a request without one.
/// </summary>
public class RealClientTests
{
    private const string ClientId = "shop-app";
    private const string ClientSecret = "shop-app-secret";
    private const string RedirectUri = "http://127.0.0.1:8080/callback";

    [Test]
    public async Task A_fixed_app_completes_a_flow_with_a_real_client_library_and_reads_a_stub()
    {
        var options = new EmulatorOptions();
        options.Clients.Add(new EmulatedClient(ClientId, ClientSecret, [RedirectUri]));
        using var emulator = KlaviyoEmulator.Start(options);
        emulator.Given(Request.Create().WithPath("/api/templates/").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/vnd.api+json").WithBody("""{"data":[{"type":"template","id":"welcome"}]}"""));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var tokenUrl = new Uri(emulator.ApiBaseUrl, "oauth/token").AbsoluteUri;
        var verifier = Duende.IdentityModel.CryptoRandom.CreateUniqueId(32);
        var code = await Approve(emulator, http, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));

        var exchange = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = tokenUrl, ClientId = ClientId, ClientSecret = ClientSecret, ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
            Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
        exchange.IsError.Should().BeFalse(exchange.Error);
        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = tokenUrl, ClientId = ClientId, ClientSecret = ClientSecret, ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
            RefreshToken = exchange.RefreshToken!,
        });
        refreshed.IsError.Should().BeFalse(refreshed.Error);

        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseUrl, "api/templates/"));
        call.SetBearerToken(refreshed.AccessToken!);
        call.Headers.Add("revision", Scenario.Revision);
        using var stubbed = await http.SendAsync(call);
        using var anonymous = await http.GetAsync(new Uri(emulator.ApiBaseUrl, "api/templates/"));

        stubbed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stubbed.Content.ReadAsStringAsync()).Should().Contain("welcome");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        emulator.Journal.Should().Contain(e => e.Path == "/api/templates/" && e.Status == 200 && e.ClientId == ClientId);
    }

    // The consent step a person does in the browser: an owner allows the app, the redirect carries the code.
    private static async Task<string> Approve(KlaviyoEmulator emulator, HttpClient http, string challenge)
    {
        var session = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), Guide.UserRole.Owner));
        using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.WebBaseUrl, "oauth/authorize"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["response_type"] = "code", ["client_id"] = ClientId, ["redirect_uri"] = RedirectUri, ["scope"] = "templates:read",
                ["state"] = "s", ["code_challenge_method"] = "S256", ["code_challenge"] = challenge, ["decision"] = "allow",
            }),
        };
        approve.Headers.Add("Cookie", $"{session.CookieName}={session.CookieValue}");
        using var approval = await http.SendAsync(approve);
        approval.StatusCode.Should().Be(HttpStatusCode.Found, await approval.Content.ReadAsStringAsync());
        return Uri.UnescapeDataString(approval.Headers.Location!.Query.Split("code=")[1].Split('&')[0]);
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
