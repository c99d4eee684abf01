using System.Net;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>The browser path a developer clicks through: sign in, consent (Allow or Deny), the health route.</summary>
[Parallelizable(ParallelScope.All)]
public partial class SignInAndConsentTests
{
    [Test]
    public async Task The_sign_in_page_offers_a_new_or_recent_account_and_every_role_and_keeps_next()
    {
        // An emulator of its own: parallel tests on the shared one would push this account off the recent list.
        using var emulator = KlaviyoEmulator.Start();
        var recent = emulator.CreateAccount(allowlisted: false);

        using var response = await Scenario.Send(HttpMethod.Get, new Uri(emulator.WebBaseUrl, "login?next=" + Uri.EscapeDataString("/oauth/authorize?client_id=x&state=a\"b")));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("name=\"account\" value=\"new\"").And.Contain("name=\"allowlisted\"")
            .And.Contain($"value=\"{recent}\"> {recent} (not allowlisted)")
            .And.Contain("<option value=\"analyst\">").And.Contain("<option value=\"campaign_coordinator\">")
            .And.Contain("name=\"next\" value=\"/oauth/authorize?client_id=x&amp;state=a&quot;b\"");
    }

    [Test]
    public async Task Signing_in_sets_the_session_cookie_and_returns_to_the_authorization_request()
    {
        var scenario = new Scenario();
        var next = "/oauth/authorize?" + scenario.AuthorizeQuery();

        using var signIn = await Scenario.Send(HttpMethod.Post, Scenario.Web("login"), body: $"account=new&allowlisted=true&role=manager&next={Uri.EscapeDataString(next)}", contentType: Scenario.Form);

        signIn.StatusCode.Should().Be(HttpStatusCode.Found);
        signIn.Headers.Location!.OriginalString.Should().Be(next);
        var cookie = signIn.Header("Set-Cookie")!;
        cookie.Should().MatchRegex("^kl_session=[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Lax$");
        using var consent = await Scenario.Send(HttpMethod.Get, Scenario.Web(next.TrimStart('/')), cookie: cookie.Split(';')[0]);
        consent.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase(true, HttpStatusCode.OK)]
    [TestCase(false, HttpStatusCode.NotFound)]
    public async Task Signing_in_to_a_new_account_makes_it_allowlisted_or_not(bool allowlisted, HttpStatusCode clientPage)
    {
        using var signIn = await Scenario.Send(HttpMethod.Post, Scenario.Web("login"), body: $"account=new&role=owner{(allowlisted ? "&allowlisted=true" : string.Empty)}", contentType: Scenario.Form);
        var cookie = signIn.Header("Set-Cookie")!.Split(';')[0];

        using var page = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/client"), cookie: cookie);

        signIn.StatusCode.Should().Be(HttpStatusCode.OK, "without next, the page says who is signed in");
        page.StatusCode.Should().Be(clientPage);
    }

    [Test]
    public async Task Signing_in_to_an_existing_account_adds_a_user_of_the_chosen_role_there()
    {
        var scenario = new Scenario();
        using var signIn = await Scenario.Send(HttpMethod.Post, Scenario.Web("login"), body: $"account={scenario.AccountId}&role=analyst&next=%2Foauth%2Fauthorize%3F{Uri.EscapeDataString(scenario.AuthorizeQuery())}", contentType: Scenario.Form);

        using var authorize = await Scenario.Send(HttpMethod.Get, Scenario.Web(signIn.Headers.Location!.OriginalString.TrimStart('/')), cookie: signIn.Header("Set-Cookie")!.Split(';')[0]);

        authorize.StatusCode.Should().Be(HttpStatusCode.Forbidden, "analysts cannot grant authorization");
    }

    [TestCase("account=new&role=emperor")]
    [TestCase("account=acc_nope&role=owner")]
    [TestCase("account=new")]
    public async Task A_bad_sign_in_form_gets_a_400_page(string body)
    {
        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web("login"), body: body, contentType: Scenario.Form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [TestCase("https://evil.example/")]
    [TestCase("//evil.example/")]
    [TestCase("/\\evil.example/")]
    public async Task Next_never_leads_off_the_web_host(string next)
    {
        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web("login"), body: "account=new&role=owner&next=" + Uri.EscapeDataString(next), contentType: Scenario.Form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
    }

    [Test]
    public async Task The_consent_page_names_the_app_and_lists_the_scopes_escaped()
    {
        var client = Scenario.Emulator.RegisterClient(name: "<script>alert('x')</script> & Co");
        var scenario = new Scenario();
        var query = $"response_type=code&client_id={client.ClientId}&redirect_uri={Uri.EscapeDataString(Scenario.RedirectUri)}"
            + $"&scope={Uri.EscapeDataString("accounts:read <b>profiles:read</b>")}&state=st&code_challenge_method=S256&code_challenge={Scenario.Challenge}";

        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Web("oauth/authorize?" + query), cookie: scenario.Cookie);
        var html = await response.Content.ReadAsStringAsync();

        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co").And.NotContain("<script>");
        ScopeItems().Matches(html).Select(m => m.Groups[1].Value).Should().Equal("accounts:read", "&lt;b&gt;profiles:read&lt;/b&gt;");
        html.Should().Contain("<button name=\"decision\" value=\"allow\">Allow</button>").And.Contain("<button name=\"decision\" value=\"deny\">Deny</button>");
    }

    [Test]
    public async Task Deny_redirects_with_access_denied_and_the_same_state()
    {
        var scenario = new Scenario();

        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web("oauth/authorize"), body: scenario.AuthorizeQuery(state: "keep-me") + "&decision=deny", contentType: Scenario.Form, cookie: scenario.Cookie);

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.Should().Be($"{Scenario.RedirectUri}?error=access_denied&state=keep-me");
    }

    [TestCase("api")]
    [TestCase("web")]
    public async Task Both_hosts_answer_the_health_route(string host)
    {
        using var response = await Scenario.Send(HttpMethod.Get, host == "api" ? Scenario.Api("__health") : Scenario.Web("__health"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("Content-Type").Should().StartWith("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"ok\"}");
    }

    [GeneratedRegex("<li>(.*?)</li>")]
    private static partial Regex ScopeItems();
}
