using Klaviyo.OAuth.Guide;
using System.Net;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

[Parallelizable(ParallelScope.All)]
public class WebHostTests
{
    [TestCase(UserRole.Owner)]
    [TestCase(UserRole.Admin)]
    [TestCase(UserRole.Manager)]
    public async Task Owners_admins_and_managers_are_redirected_with_a_code_and_the_same_state(UserRole role)
    {
        var scenario = new Scenario(role);

        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web("oauth/authorize"), body: scenario.AuthorizeQuery(state: "s%20t") + "&decision=allow", contentType: Scenario.Form, cookie: scenario.Cookie);

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.Should().MatchRegex(@"^http://127\.0\.0\.1/callback\?code=[A-Za-z0-9_-]{32}&state=s%20t$");
    }

    [Test]
    public async Task A_signed_in_owner_sees_the_consent_form()
    {
        var scenario = new Scenario();

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + scenario.AuthorizeQuery()), cookie: scenario.Cookie);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().StartWith("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<form method=\"post\" action=\"/oauth/authorize\">");
    }

    [TestCase(UserRole.Analyst)]
    [TestCase(UserRole.CampaignCoordinator)]
    [TestCase(UserRole.ContentCreator)]
    [TestCase(UserRole.Support)]
    [TestCase(UserRole.Custom)]
    public async Task Other_roles_are_denied_access_with_an_empty_body_so_the_browser_shows_its_own_page(UserRole role)
    {
        var scenario = new Scenario(role);

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + scenario.AuthorizeQuery()), cookie: scenario.Cookie);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Header("Content-Type").Should().StartWith("text/html");
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty("the guide's sentence is the browser's page for an empty 403");
    }

    [Test]
    public async Task Denying_redirects_with_access_denied_and_the_state()
    {
        var scenario = new Scenario();

        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web("oauth/authorize"), body: scenario.AuthorizeQuery() + "&decision=deny", contentType: Scenario.Form, cookie: scenario.Cookie);

        response.Headers.Location!.ToString().Should().Be("http://127.0.0.1/callback?error=access_denied&state=st-123");
    }

    [TestCase("code_challenge_method=plain", "error=invalid_request")]
    [TestCase("response_type=token", "error=unsupported_response_type")]
    public async Task Bad_parameters_go_back_to_the_app_as_errors(string replacement, string expected)
    {
        var scenario = new Scenario();
        var name = replacement.Split('=')[0];
        var query = string.Join('&', scenario.AuthorizeQuery().Split('&').Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? replacement : p));

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + query), cookie: scenario.Cookie);

        response.Headers.Location!.ToString().Should().Be($"http://127.0.0.1/callback?{expected}&state=st-123");
    }

    [Test]
    public async Task An_unregistered_redirect_uri_is_an_error_page_not_a_redirect()
    {
        var scenario = new Scenario();
        var query = scenario.AuthorizeQuery().Replace("callback", "evil", StringComparison.Ordinal);

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + query), cookie: scenario.Cookie);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
    }

    [Test]
    public async Task Without_a_session_the_user_is_sent_to_log_in()
    {
        var scenario = new Scenario();

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + scenario.AuthorizeQuery()));

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location!.ToString().Should().StartWith("/login?next=%2Foauth%2Fauthorize%3F");
    }

    [Test]
    public async Task Authorization_is_unavailable_during_an_outage()
    {
        var scenario = new Scenario();
        Scenario.Emulator.StartOutage(EndpointFamily.Authorize, scenario.Client.ClientId);
        try
        {
            using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + scenario.AuthorizeQuery()), cookie: scenario.Cookie);

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Scenario.Emulator.EndOutage(EndpointFamily.Authorize, scenario.Client.ClientId);
        }
    }

    [TestCase(UserRole.Owner, true, HttpStatusCode.OK)]
    [TestCase(UserRole.Manager, true, HttpStatusCode.OK)]
    [TestCase(UserRole.Owner, false, HttpStatusCode.NotFound)]
    [TestCase(UserRole.Analyst, true, HttpStatusCode.NotFound)]
    public async Task The_client_page_is_visible_only_to_managers_of_allowlisted_accounts(UserRole role, bool allowlisted, HttpStatusCode expected)
    {
        var scenario = new Scenario(role, allowlisted);

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/client"), cookie: scenario.Cookie);

        response.StatusCode.Should().Be(expected);
        response.Header("Content-Type").Should().StartWith("text/html");
        if (expected == HttpStatusCode.NotFound)
        {
            (await response.Content.ReadAsStringAsync()).Should().BeEmpty("the guide's sentence is the browser's page for an empty 404");
        }
    }

    [TestCase("oauth/token")]
    [TestCase("oauth/revoke")]
    public async Task Token_and_revoke_requests_to_the_web_host_get_the_CDN_403_page(string path)
    {
        var scenario = new Scenario();

        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web(path), scenario.Basic, "grant_type=refresh_token&refresh_token=x", Scenario.Form);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Header("Content-Type").Should().StartWith("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("403 ERROR").And.Contain("The request could not be satisfied.");
    }
}
