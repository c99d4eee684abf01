using FluentAssertions;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Guide.Tips;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Suite;

/// <summary>
/// A failed check names the guide's tip for what the target answered, found by the guide's own
/// diagnosis of the exchange, in the catalogue's words; secrets stay redacted, the words do not.
/// </summary>
public class ResponseCheckTipTests
{
    private const string RefreshToken = "klr_TheAppsRefreshToken0123456789abcdefghij";
    private static readonly AppRegistration App = new("app-id", "app-secret-0123456789", "https://app.example.test/callback");
    private static readonly Uri Api = new("https://a.example.test/");

    [Test]
    public void A_refresh_refused_with_invalid_grant_fails_naming_the_refresh_token_tip_in_the_catalogues_words()
    {
        var answer = Answer(RefreshRequest(), 400, """{"error":"invalid_grant","error_description":"Refresh token has been revoked"}""");

        var failure = FailedCheck(answer, check => check.Status(200).JsonPresent("access_token", System.Text.Json.JsonValueKind.String));

        var tip = TipCatalogue.Find("tip.refresh-token-invalid")!;
        failure.Should().EndWith($"Tip: tip.refresh-token-invalid — {tip.Words}");
        failure.Should().Contain("status 400, expected 200").And.NotContain(RefreshToken).And.NotContain(App.ClientSecret);
    }

    [Test]
    public void A_token_request_without_the_colon_answered_200_fails_naming_the_authorization_header_tip()
    {
        var request = RefreshRequest(ClientCredentialStyle.WithoutColon);
        var answer = Answer(request, 200, """{"access_token":"kla_x","refresh_token":"klr_y","token_type":"Bearer"}""");

        var failure = FailedCheck(answer, check => check.Status(401).JsonString("error", "invalid_client"));

        failure.Should().EndWith($"Tip: tip.authorization-header — {TipCatalogue.Find("tip.authorization-header")!.Words}");
    }

    [Test]
    public void A_failed_check_of_an_exchange_the_diagnosis_finds_nothing_in_names_no_tip()
    {
        var answer = Answer(RefreshRequest(), 503, string.Empty);

        var failure = FailedCheck(answer, check => check.Status(200));

        failure.Should().NotContain("Tip: ");
    }

    private static OutgoingRequest RefreshRequest(ClientCredentialStyle credentials = ClientCredentialStyle.BasicHeader) =>
        new ReferenceClient(App, Api, Api, (_, _) => throw new InvalidOperationException("built, not sent"))
            .RefreshRequest(RefreshToken, new RequestFaults { Credentials = credentials });

    private static HttpExchange Answer(OutgoingRequest request, int status, string body) =>
        new(request, status, "Answer", body.Length == 0 ? [] : [new("Content-Type", "application/json")], body);

    private static string FailedCheck(HttpExchange exchange, Action<ResponseCheck> check)
    {
        var redactor = new SecretRedactor();
        redactor.Register(RefreshToken);
        redactor.Register(App.ClientSecret);
        var behaviour = BehaviourCatalogue.Find("token.refresh.succeeds");
        var responseCheck = new ResponseCheck(exchange, "what the guide expects", behaviour, redactor, sentToWebHost: false);
        check(responseCheck);
        var verify = () => responseCheck.Verify();
        return verify.Should().Throw<CheckFailedException>().Which.Message;
    }
}
