using System.Net;
using Duende.IdentityModel.Client;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting.Conduct;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>
/// Duende.IdentityModel, a real OAuth client library, drives a whole flow against the emulator:
/// authorize, code exchange with PKCE, refresh, API call, revoke. With the Basic header its traffic
/// grades clean; with the client secret in the form body it is caught by client.basic-auth.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class IdentityModelFlowTests
{
    [Test]
    public async Task With_the_authorization_header_the_flow_grades_clean()
    {
        var report = await RunFlow(ClientCredentialStyle.AuthorizationHeader, expectTokens: true);

        report.Results.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet).Should().BeEmpty();
        report.Results.Where(r => r.Verdict == Verdict.Satisfied).Select(r => r.Rule.Id).Should().Contain(
            ["client.basic-auth", "client.form-body", "client.api-host", "client.pkce-s256", "client.bearer-format", "client.state", "client.no-secrets-in-url"]);
    }

    [Test]
    public async Task With_the_secret_in_the_form_body_it_is_caught_by_basic_auth_with_the_tip()
    {
        var report = await RunFlow(ClientCredentialStyle.PostBody, expectTokens: false);

        report.FailsBuild.Should().BeTrue();
        var broken = report.Results.Where(r => r.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet).Should().ContainSingle().Subject;
        broken.Rule.Id.Should().Be("client.basic-auth");
        broken.Evidence.Should().NotBeEmpty().And.OnlyContain(e => e.Diagnosis == "tip.authorization-header" && e.Request.Contains("/oauth/token"));
    }

    private static async Task<ClientConductReport> RunFlow(ClientCredentialStyle style, bool expectTokens)
    {
        using var emulator = KlaviyoEmulator.Start();
        var client = emulator.RegisterClient();
        var owner = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        using var recorder = new TrafficRecorder(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var http = new HttpClient(recorder);
        var tokenUrl = new Uri(emulator.ApiBaseUrl, "oauth/token").AbsoluteUri;
        var redirectUri = client.RedirectUris[0];
        var verifier = Duende.IdentityModel.CryptoRandom.CreateUniqueId(32);
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));

        var authorizeUrl = new RequestUrl(new Uri(emulator.WebBaseUrl, "oauth/authorize").AbsoluteUri).CreateAuthorizeUrl(
            clientId: client.ClientId, responseType: "code", scope: "accounts:read", redirectUri: redirectUri,
            state: Duende.IdentityModel.CryptoRandom.CreateUniqueId(16), codeChallenge: challenge, codeChallengeMethod: "S256");
        var code = await Authorize(http, authorizeUrl, $"{owner.CookieName}={owner.CookieValue}");

        var exchange = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = tokenUrl, ClientId = client.ClientId, ClientSecret = client.ClientSecret, ClientCredentialStyle = style,
            Code = code, RedirectUri = redirectUri, CodeVerifier = verifier,
        });
        exchange.IsError.Should().Be(!expectTokens, exchange.Error);
        if (expectTokens)
        {
            var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
            {
                Address = tokenUrl, ClientId = client.ClientId, ClientSecret = client.ClientSecret, ClientCredentialStyle = style,
                RefreshToken = exchange.RefreshToken!,
            });
            refreshed.IsError.Should().BeFalse(refreshed.Error);

            using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseUrl, "api/accounts/"));
            call.SetBearerToken(refreshed.AccessToken!);
            call.Headers.Add("revision", "2025-10-15"); // Klaviyo's API requires a revision on every call
            (await http.SendAsync(call)).StatusCode.Should().Be(HttpStatusCode.OK);

            var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
            {
                Address = new Uri(emulator.ApiBaseUrl, "oauth/revoke").AbsoluteUri, ClientId = client.ClientId, ClientSecret = client.ClientSecret,
                ClientCredentialStyle = style, Token = exchange.RefreshToken!, TokenTypeHint = "refresh_token",
            });
            revoked.IsError.Should().BeFalse(revoked.Error);
        }

        return ClientConductReport.Grade("Duende.IdentityModel", new AppTraffic(recorder.Exchanges, [emulator.WebBaseUrl.Authority]));
    }

    /// <summary>The browser's part: open the consent page with the customer's session, allow, read the code off the redirect.</summary>
    internal static async Task<string> Authorize(HttpClient http, string authorizeUrl, string cookie)
    {
        using (var page = new HttpRequestMessage(HttpMethod.Get, authorizeUrl))
        {
            page.Headers.Add("Cookie", cookie);
            (await http.SendAsync(page)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var query = new Uri(authorizeUrl).Query.TrimStart('?');
        using var allow = new HttpRequestMessage(HttpMethod.Post, authorizeUrl.Split('?')[0])
        {
            Content = new StringContent(query + "&decision=allow", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        allow.Headers.Add("Cookie", cookie);
        using var redirect = await http.SendAsync(allow);
        redirect.StatusCode.Should().Be(HttpStatusCode.Found);
        var code = redirect.Headers.Location!.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "code")[1];
        return Uri.UnescapeDataString(code);
    }
}
