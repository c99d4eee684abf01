using FluentAssertions;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Protocol;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Clients;

/// <summary>
/// The reference client builds each request as the guide says by default, departs from it only
/// where a fault is asked for, and takes a code only from a redirect that answers its own state.
/// </summary>
public class ReferenceClientTests
{
    private static readonly Uri Api = new("https://a.example.test/");
    private static readonly Uri Web = new("https://www.example.test/");
    private static readonly AppRegistration App = new("app-id", "app-secret", "https://app.example.test/callback");

    private readonly List<OutgoingRequest> _sent = [];

    [Test]
    public void The_authorization_request_carries_the_S256_hash_of_the_verifier_and_a_fresh_state_but_never_the_verifier()
    {
        var client = Client(Redirect("unused"));

        var first = client.Authorization();
        var second = client.Authorization();

        var query = FormFields.Parse(first.Url.Query);
        query["code_challenge_method"].Should().Be("S256");
        query["code_challenge"].Should().Be(Pkce.ChallengeFor(first.CodeVerifier));
        query["state"].Should().Be(first.State).And.NotBe(second.State);
        query["redirect_uri"].Should().Be(App.RedirectUri);
        Pkce.IsWellFormedVerifier(first.CodeVerifier).Should().BeTrue();
        first.Url.AbsoluteUri.Should().NotContain(first.CodeVerifier);
        first.ToString().Should().NotContain(first.CodeVerifier);
    }

    [Test]
    public void A_token_request_is_a_form_to_the_api_host_with_Basic_credentials_unless_a_fault_is_asked_for()
    {
        var client = Client(Redirect("unused"));

        var conforming = client.RefreshRequest("refresh-1");
        conforming.Url.Should().Be(new Uri(Api, "oauth/token"));
        conforming.ContentType.Should().Be(FormBody.MediaType);
        conforming.Body.Should().Be("grant_type=refresh_token&refresh_token=refresh-1");
        conforming.HeaderValue("Authorization").Should().Be("Basic " + ClientCredentials.Base64("app-id:app-secret"));

        var faulty = client.RefreshRequest("refresh-1", new RequestFaults { Credentials = ClientCredentialStyle.InFormBody, BodyAsJson = true, ToWebHost = true });
        faulty.Url.Should().Be(new Uri(Web, "oauth/token"));
        faulty.ContentType.Should().Be("application/json");
        faulty.Body.Should().Contain("\"client_secret\":\"app-secret\"");
        faulty.HeaderValue("Authorization").Should().BeNull();
    }

    [Test]
    public void An_api_call_sends_the_bearer_token_and_a_revision()
    {
        var call = ReferenceClient.ApiRequest(Api, ReferenceClient.Bearer("access-1"));

        call.Url.Should().Be(new Uri(Api, "api/accounts/"));
        call.HeaderValue("Authorization").Should().Be("Bearer access-1");
        call.HeaderValue("revision").Should().Be(ReferenceClient.Revision);
    }

    [Test]
    public async Task An_approval_keeps_the_code_of_a_redirect_that_answers_its_state()
    {
        var client = Client(request => Redirect($"code=the-code&state={StateOf(request)}"));

        var approval = await client.ApproveAsync(client.Authorization(), "session=1");

        approval.Code.Should().Be("the-code");
        _sent.Should().HaveCount(2).And.OnlyContain(r => r.HeaderValue("Cookie") == "session=1");
        _sent[1].Body.Should().EndWith("&decision=allow");
        approval.ToString().Should().NotContain("the-code");
    }

    [Test]
    public async Task An_approval_takes_no_code_from_a_redirect_with_another_state()
    {
        var client = Client(_ => Redirect("code=the-code&state=someone-elses"));

        var approval = await client.ApproveAsync(client.Authorization(), "session=1");

        approval.Code.Should().BeNull();
    }

    [Test]
    public void Issued_tokens_are_read_from_a_200_with_a_refresh_token_only()
    {
        var request = new OutgoingRequest(HttpMethod.Post, new Uri(Api, "oauth/token"));
        var ok = new HttpExchange(request, 200, "OK", [new("Content-Type", "application/json")], """{"access_token":"a","refresh_token":"r","expires_in":3600.0}""");
        var refused = new HttpExchange(request, 400, "Bad Request", [new("Content-Type", "application/json")], """{"error":"invalid_grant"}""");

        TokenSet.Issued(ok).Should().Be(new TokenSet("a", "r", 3600));
        TokenSet.Issued(ok)!.ToString().Should().Be("tokens (redacted), expires in 3600 s");
        TokenSet.Issued(refused).Should().BeNull();
    }

    private ReferenceClient Client(Func<OutgoingRequest, HttpExchange> answer) =>
        new(App, Api, Web, (request, _) =>
        {
            _sent.Add(request);
            return Task.FromResult(request.Method == HttpMethod.Get ? new HttpExchange(request, 200, "OK", [], "<form>") : answer(request));
        });

    private static ReferenceClient Client(HttpExchange answer) => new(App, Api, Web, (_, _) => Task.FromResult(answer));

    private static string? StateOf(OutgoingRequest request) => FormFields.Parse(request.Body ?? string.Empty)["state"];

    private static HttpExchange Redirect(string query) =>
        new(new OutgoingRequest(HttpMethod.Post, new Uri(Web, "oauth/authorize")), 302, "Found", [new("Location", "https://app.example.test/callback?" + query)], string.Empty);
}
