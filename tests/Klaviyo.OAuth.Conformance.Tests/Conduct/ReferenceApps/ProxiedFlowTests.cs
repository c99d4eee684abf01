using System.Net;
using Duende.IdentityModel.Client;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Grading;
using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Conduct;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>
/// Duende.IdentityModel through an emulator in proxy mode, in front of a second emulator standing
/// in for the real Klaviyo: the flow completes against the upstream, an injected 429 reaches the
/// library, the next refresh reaches the upstream again, and grading the proxy's journal sees both
/// the proxied traffic and how the app reacted to the 429.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ProxiedFlowTests
{
    [Test]
    public async Task An_app_that_waits_a_minute_after_the_injected_429_grades_clean()
    {
        using var world = await ProxiedFlow.StartAsync();

        var limited = await world.RefreshAsync();
        world.Proxy.AdvanceClock(TimeSpan.FromSeconds(61)); // the app waits the minute the 429 asks for
        var afterwards = await world.RefreshAsync();

        limited.IsError.Should().BeTrue();
        limited.HttpStatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Raw.Should().Contain("\"error\":\"rate_limit_exceeded\"");
        limited.HttpResponse!.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
        afterwards.IsError.Should().BeFalse(afterwards.Error);
        world.UpstreamRefreshes.Should().Be(2, "the injected 429 never reached the upstream; the refresh before it and the one after did");
        var report = await world.GradeAsync();
        report.Results.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet).Should().BeEmpty();
        report.Results.Single(r => r.Rule.Id == "client.after-rate-limit").Verdict.Should().Be(Verdict.Satisfied);
        report.Results.Single(r => r.Rule.Id == "client.pkce-s256").Verdict.Should().Be(Verdict.Satisfied, "the authorization went through the proxied web host");
    }

    [Test]
    public async Task An_app_that_retries_at_once_after_the_injected_429_is_caught_by_the_grade()
    {
        using var world = await ProxiedFlow.StartAsync();

        (await world.RefreshAsync()).HttpStatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await world.RefreshAsync()).IsError.Should().BeFalse("the retry reaches the upstream, which grants it");

        var report = await world.GradeAsync();
        var broken = report.Results.Single(r => r.Rule.Id == "client.after-rate-limit");
        broken.Verdict.Should().Be(Verdict.NotSatisfied);
        broken.Evidence.Should().ContainSingle().Which.Breach.Should().Contain("after a 429");
    }

    /// <summary>An upstream emulator, a proxying one in front of it, and an app that has its tokens through the proxy and a 429 waiting for its next refresh.</summary>
    private sealed class ProxiedFlow : IDisposable
    {
        private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        private string _refreshToken = string.Empty;

        private ProxiedFlow()
        {
            Upstream = KlaviyoEmulator.Start();
            Proxy = KlaviyoEmulator.Start(new EmulatorOptions { UpstreamApiUrl = Upstream.ApiBaseUrl.AbsoluteUri, UpstreamWebUrl = Upstream.WebBaseUrl.AbsoluteUri });
            Client = Upstream.RegisterClient();
        }

        public KlaviyoEmulator Upstream { get; }

        public KlaviyoEmulator Proxy { get; }

        public EmulatedClient Client { get; }

        public int UpstreamRefreshes => Upstream.Journal.Count(e => e.Path == "/oauth/token" && e.Outcome.Contains("refresh token used", StringComparison.Ordinal));

        private string TokenUrl => new Uri(Proxy.ApiBaseUrl, "oauth/token").AbsoluteUri;

        public static async Task<ProxiedFlow> StartAsync()
        {
            var flow = new ProxiedFlow();
            await flow.ConnectAsync();
            return flow;
        }

        public async Task<TokenResponse> RefreshAsync()
        {
            var response = await _http.RequestRefreshTokenAsync(new RefreshTokenRequest
            {
                Address = TokenUrl, ClientId = Client.ClientId, ClientSecret = Client.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader, RefreshToken = _refreshToken,
            });
            return response;
        }

        public async Task<ClientConductReport> GradeAsync() =>
            (await Grader.GradeAsync(new TrafficSource.Journal(Proxy.ApiBaseUrl, Client.ClientId), GradeOptions.Default)).Report;

        public void Dispose()
        {
            _http.Dispose();
            Proxy.Dispose();
            Upstream.Dispose();
        }

        // Authorize at the proxied web host, exchange and refresh once at the proxied API host, call the API; then a 429 is injected.
        private async Task ConnectAsync()
        {
            var owner = Upstream.SignIn(Upstream.CreateUser(Upstream.CreateAccount(allowlisted: true), UserRole.Owner));
            var verifier = Duende.IdentityModel.CryptoRandom.CreateUniqueId(32);
            var challenge = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
            var authorizeUrl = new RequestUrl(new Uri(Proxy.WebBaseUrl, "oauth/authorize").AbsoluteUri).CreateAuthorizeUrl(
                clientId: Client.ClientId, responseType: "code", scope: "accounts:read", redirectUri: Client.RedirectUris[0],
                state: Duende.IdentityModel.CryptoRandom.CreateUniqueId(16), codeChallenge: challenge, codeChallengeMethod: "S256");
            var code = await IdentityModelFlowTests.Authorize(_http, authorizeUrl, $"{owner.CookieName}={owner.CookieValue}");

            var exchange = await _http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
            {
                Address = TokenUrl, ClientId = Client.ClientId, ClientSecret = Client.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader, Code = code, RedirectUri = Client.RedirectUris[0], CodeVerifier = verifier,
            });
            exchange.IsError.Should().BeFalse(exchange.Error);
            _refreshToken = exchange.RefreshToken!;
            var refreshed = await RefreshAsync();
            refreshed.IsError.Should().BeFalse(refreshed.Error);

            using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(Proxy.ApiBaseUrl, "api/accounts/"));
            call.SetBearerToken(refreshed.AccessToken!);
            call.Headers.Add("revision", "2025-10-15");
            (await _http.SendAsync(call)).StatusCode.Should().Be(HttpStatusCode.OK);
            Proxy.Inject("token.refresh.rate-limited", times: 1, clientId: Client.ClientId);
        }
    }
}
