using FluentAssertions;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;
using static Klaviyo.OAuth.Conformance.Tests.Diagnosis.DiagnosisExamples;

namespace Klaviyo.OAuth.Conformance.Tests.Diagnosis;

public class DiagnosticianTests
{
    private const string Refresh = "grant_type=refresh_token&refresh_token=";
    private const string CodeGrant = "grant_type=authorization_code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&code=" + Code + "&code_verifier=";

    // Each finding, the request that shows it, whether the server's records are needed, and the detail it gets.
    private static readonly (string Finding, Func<RecordedExchange> Request, bool WithServer, string Detail)[] Examples =
    [
        ("finding-client-id-unknown", () => Token(Refresh + RefreshToken, Basic("not-a-client:" + Secret)), true, "client id \"not-a-client\" is not one the server issued"),
        ("finding-credentials-refused", () => Token(Refresh + RefreshToken).WithResponse(401, """{"error":"invalid_client"}"""), false, "or its secret is not the one issued"),
        ("finding-credentials-in-clear", () => Token(Refresh + RefreshToken, "Basic " + ClientId + ":" + Secret), false, "id:secret in clear"),
        ("finding-credentials-not-base64", () => Token(Refresh + RefreshToken, "Basic %%%notbase64%%%"), false, "not valid base64"),
        ("finding-credentials-not-utf8", () => Token(Refresh + RefreshToken, "Basic " + Convert.ToBase64String([0xff, 0xfe, 0x3a, 0x41])), false, "not UTF-8"),
        ("finding-scheme-not-basic", () => Token(Refresh + RefreshToken, "Bearer " + GoodBasic[6..]), false, "The scheme is \"Bearer\""),
        ("finding-scheme-encoded", () => Token(Refresh + RefreshToken, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Basic " + ClientId + ":" + Secret))), false, "the word Basic included, is base64 encoded"),
        ("finding-bytes-literal", () => Token(Refresh + RefreshToken, "Basic b'" + GoodBasic[6..] + "'"), false, "Basic followed by b'…'"),
        ("finding-authorization-missing", () => Exchange("POST", "https://a.klaviyo.com/oauth/token", Refresh + RefreshToken, "application/x-www-form-urlencoded"), false, "no Authorization header"),
        ("finding-credentials-in-body", () => Exchange("POST", "https://a.klaviyo.com/oauth/token", Refresh + RefreshToken + "&client_id=" + ClientId + "&client_secret=" + Secret, "application/x-www-form-urlencoded"), false, "in the form body"),
        ("finding-credentials-no-colon", () => Token(Refresh + RefreshToken, Basic(ClientId + Secret)), false, "with no ':'"),
        ("finding-secret-wrong", () => Token(Refresh + RefreshToken, Basic(ClientId + ":wrong-secret-000")), true, "is not its secret"),
        ("finding-authorization-repeated", () => Exchange("POST", "https://a.klaviyo.com/oauth/token", Refresh + RefreshToken, "application/x-www-form-urlencoded", GoodBasic, GoodBasic), false, "2 Authorization headers"),
        ("finding-grant-type-missing", () => Token("refresh_token=" + RefreshToken), false, "no grant_type"),
        ("finding-grant-type-unsupported", () => Token("grant_type=refresh-token&refresh_token=" + RefreshToken), false, "\"refresh-token\" is a misspelling of refresh_token"),
        ("finding-body-json", () => Token("{\"grant_type\":\"refresh_token\"}", contentType: "application/json"), false, "The body is JSON"),
        ("finding-body-multipart", () => Token("--x\r\n", contentType: "multipart/form-data; boundary=x"), false, "multipart/form-data"),
        ("finding-body-in-query", () => Exchange("POST", "https://a.klaviyo.com/oauth/token?grant_type=refresh_token&refresh_token=" + RefreshToken, string.Empty, null, GoodBasic), false, "query string"),
        ("finding-content-type-wrong", () => Token(Refresh + RefreshToken, contentType: "text/plain"), false, "Content-Type is text/plain"),
        ("finding-refresh-token-refused", () => Token(Refresh + RefreshToken).WithResponse(400, """{"error":"invalid_grant","error_description":"Refresh token has been revoked"}"""), false, "revoked or expired"),
        ("finding-verifier-missing", () => Token(CodeGrant.Replace("&code_verifier=", string.Empty, StringComparison.Ordinal)), false, "no code_verifier"),
        ("finding-verifier-length", () => Token(CodeGrant + Verifier[..42]), false, "The verifier has 42 characters; the pattern needs 43 to 128."),
        ("finding-verifier-character", () => Token(CodeGrant + Verifier[..10] + "%2B" + Verifier[11..]), false, "'+' (base64, not base64url) at position 11"),
        ("finding-challenge-mismatch", () => Token(CodeGrant + new string('a', 43)), true, "S256 of the verifier is"),
        ("finding-challenge-plain", () => Token(CodeGrant + Challenge), true, "The verifier equals the challenge: plain hashing."),
        ("finding-verifier-of-another-authorization", () => Token(CodeGrant + OtherVerifier), true, "challenge of another authorization of this client"),
        ("finding-web-host", () => Token(Refresh + RefreshToken, host: "www.klaviyo.com"), false, "the web host"),
        ("finding-refresh-token-missing", () => Token("grant_type=refresh_token"), false, "no refresh_token"),
        ("finding-refresh-token-unknown", () => Token(Refresh + "klr_SomethingNeverIssued0000000000000000000"), true, "never issued the refresh token \"klr_…\""),
        ("finding-refresh-token-truncated", () => Token(Refresh + RefreshToken[..38]), true, "the first 38 characters of one issued on 2026-11-26 12:00:00 UTC"),
        ("finding-refresh-token-one-character", () => Token(Refresh + RefreshToken[..20] + "X" + RefreshToken[21..]), true, "position 21"),
        ("finding-refresh-token-padded", () => Token(Refresh + "%22" + RefreshToken + "%22"), false, "quotes around it"),
        ("finding-refresh-token-revoked", () => Token(Refresh + RevokedRefreshToken), true, "revoked when the customer removed the app on 2026-11-28"),
        ("finding-refresh-token-inactive", () => Token(Refresh + IdleRefreshToken), true, "91 days ago"),
        ("finding-refresh-rate-limited", () => Token(Refresh + RefreshToken).WithResponse(429, """{"error":"rate_limit_exceeded"}""", ("Retry-After", "42")), false, "used again in 42 s"),
        ("finding-bearer-format", () => Exchange("GET", "https://a.klaviyo.com/api/accounts/", string.Empty, null, "Bearer \"" + AccessToken + "\""), false, "in quotes"),
        ("finding-access-token-expired", () => Exchange("GET", "https://a.klaviyo.com/api/accounts/", string.Empty, null, "Bearer " + ExpiredAccessToken), true, "expired at 2026-11-29 11:00:00 UTC"),
        ("finding-access-token-revoked", () => Exchange("GET", "https://a.klaviyo.com/api/accounts/", string.Empty, null, "Bearer " + AccessToken), true, "was revoked"),
        ("finding-access-token-unknown", () => Exchange("GET", "https://a.klaviyo.com/api/accounts/", string.Empty, null, "Bearer kla_NeverIssued0000000000000000000000000000000"), true, "never issued the access token"),
        ("finding-consent-role", () => Exchange("GET", "https://www.klaviyo.com/oauth/authorize?client_id=x", string.Empty, null) with { RequestHeaders = new([KeyValuePair.Create("Cookie", "kl_session=analyst-session")]) }, true, "signed-in user is analyst"),
        ("finding-client-page-hidden", () => Exchange("GET", "https://www.klaviyo.com/oauth/client", string.Empty, null) with { RequestHeaders = new([KeyValuePair.Create("Cookie", "kl_session=owner-not-allowlisted")]) }, true, "not beta-allowlisted"),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Examples.Select(e => new TestCaseData(e.Finding, e.Request, e.WithServer, e.Detail).SetName(e.Finding));

    [TestCaseSource(nameof(Cases))]
    public void Each_finding_is_reported_with_the_guides_words_and_this_requests_detail(string finding, Func<RecordedExchange> request, bool withServer, string detail)
    {
        var server = Server();
        if (finding == "finding-access-token-revoked")
        {
            server.IssuedAccessTokens[0] = server.IssuedAccessTokens[0] with { RevokedAt = Now.AddMinutes(-1), RevokedBecause = "revoked" };
        }

        var diagnosis = new Diagnostician(withServer ? server : null).Diagnose(request());

        var first = diagnosis.Findings.Should().NotBeEmpty().And.Subject.First();
        first.Id.Should().Be(finding);
        first.Detail.Should().Contain(detail);
        first.TipId.Should().Be(FindingCatalogue.Get(finding).TipId);
        if (first.Tip is { } tip)
        {
            first.TipWords.Should().Be(tip.Words, "the tip is quoted from the catalogue, not re-typed");
        }

        first.HowToFix.Should().Be(first.Behaviour.WhyAndHowToFix);
        first.Detail.Should().NotContain(Secret).And.NotContain(RefreshToken).And.NotContain(AccessToken).And.NotContain(Verifier);
    }

    [Test]
    public void Every_finding_of_the_catalogue_has_an_example() =>
        Examples.Select(e => e.Finding).Should().BeEquivalentTo(FindingCatalogue.All.Select(f => f.Id));

    [Test]
    public void Every_tip_has_a_finding() =>
        TipCatalogueIds().Should().BeSubsetOf(FindingCatalogue.All.Select(f => f.TipId).OfType<string>());

    [Test]
    public void A_correct_refresh_request_has_no_finding_and_says_what_it_cannot_know_without_the_server()
    {
        var diagnosis = new Diagnostician().Diagnose(Token(Refresh + RefreshToken));

        diagnosis.IsClean.Should().BeTrue();
        diagnosis.Unknowns.Should().Contain(u => u.Contains("client id", StringComparison.Ordinal)).And.Contain(u => u.Contains("refresh token exists", StringComparison.Ordinal));
    }

    [Test]
    public void A_correct_request_with_the_servers_records_has_no_finding_and_no_unknowns()
    {
        var diagnosis = new Diagnostician(Server()).Diagnose(Token(CodeGrant + Verifier));

        diagnosis.IsClean.Should().BeTrue();
        diagnosis.Unknowns.Should().BeEmpty();
    }

    [Test]
    public void On_revoke_the_invalid_client_finding_cites_the_revoke_behaviour()
    {
        var diagnosis = new Diagnostician().Diagnose(Exchange("POST", "https://a.klaviyo.com/oauth/revoke", "token=x", "application/x-www-form-urlencoded", "Basic b'abc'"));

        diagnosis.Findings.Single().BehaviourId.Should().Be("revoke.invalid-client");
        diagnosis.Answer.Should().Be("will answer 400 {\"error\":\"invalid_client\"} (400 here, 401 on /oauth/token)");
    }

    [Test]
    public void A_refused_refresh_cites_the_behaviour_the_servers_description_names()
    {
        var diagnosis = new Diagnostician().Diagnose(Token(Refresh + RefreshToken).WithResponse(400, """{"error":"invalid_grant","error_description":"Refresh token does not exist"}"""));

        diagnosis.Findings.Single().BehaviourId.Should().Be("token.refresh.not-found");
        diagnosis.Answer.Should().Be("answered 400 invalid_grant: \"Refresh token does not exist\"");
    }

    [Test]
    public void A_token_request_answered_with_the_cdn_page_is_a_web_host_request_whatever_its_host()
    {
        var diagnosis = new Diagnostician().Diagnose(Token(Refresh + RefreshToken, host: "127.0.0.1:5081").WithResponse(403, "<html>The request could not be satisfied</html>"));

        diagnosis.Findings.Single().Id.Should().Be("finding-web-host");
    }

    [Test]
    public void Requests_outside_the_guide_are_not_diagnosed() =>
        new Diagnostician().Diagnose(Exchange("GET", "https://example.com/favicon.ico", string.Empty, null)).Kind.Should().Be(RequestKind.Other);

    private static IEnumerable<string> TipCatalogueIds() => Klaviyo.OAuth.Guide.Tips.TipCatalogue.All.Select(t => t.Id);
}
