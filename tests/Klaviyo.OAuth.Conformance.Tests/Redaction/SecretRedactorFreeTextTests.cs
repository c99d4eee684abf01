using System.Collections;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Redaction;

/// <summary>
/// Masks by value where the values are known, by pattern only in the fields that carry credentials:
/// the suite's own words (tags, ids, step text, the guide's wording) reach every report whole.
/// </summary>
public class SecretRedactorFreeTextTests
{
    private SecretRedactor redactor = null!;

    /// <summary>What a remote run with an app registers: its credentials, and the values the scenarios send.</summary>
    [SetUp]
    public void RegisterWhatARemoteRunRegisters()
    {
        redactor = new SecretRedactor();
        redactor.RegisterClientCredentials("canary-client-id-5d1e", "canary-secret-Q7w9Zr2x");
        redactor.Register("never-issued-refresh-token");
        redactor.Register("never-issued-" + new string('a', 32));
        redactor.Register("placeholder-client-secret");
    }

    [TestCase("@revoke.succeeds @baseline @destructive @needs-refresh-token")]
    [TestCase("  ✓ A refresh with a never issued refresh token is refused (token.refresh.not-found)")]
    [TestCase("Not verified: needs-refresh-token: no refresh token is configured")]
    public void Tags_and_step_text_are_left_whole(string text) =>
        redactor.Redact(text).Should().BeSameAs(text);

    [Test]
    public void Every_tag_and_scenario_line_of_the_catalogue_is_left_whole()
    {
        var lines = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find()!, "features"), "*.feature", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('@') || line.StartsWith("Scenario", StringComparison.Ordinal) || line.StartsWith("Feature", StringComparison.Ordinal))
            .ToList();

        lines.Should().Contain("@revoke.succeeds @baseline @destructive @needs-refresh-token");
        lines.Where(line => !ReferenceEquals(redactor.Redact(line), line)).Should().BeEmpty();
    }

    [Test]
    public void The_guides_wording_is_left_whole()
    {
        var wording = BehaviourCatalogue.All
            .SelectMany(b => typeof(Behaviour).GetProperties().Select(p => p.GetValue(b)))
            .SelectMany(value => value switch
            {
                string text => [text],
                IEnumerable many => many.OfType<string>(),
                _ => [],
            })
            .ToList();

        wording.Should().Contain(w => w.Contains("Authorization: Bearer", StringComparison.Ordinal));
        wording.Where(text => redactor.Redact(text) != text).Should().BeEmpty();
    }

    [TestCase("Authorization: Bearer with a valid access token")]
    [TestCase("the header reads Authorization: Basic <base64 encoded client_id:client_secret>.")]
    [TestCase("authenticate with the header Authorization: Basic base64(client_id:client_secret).")]
    [TestCase("The API is called with \"Authorization: Bearer <access token>\", and after authentication_failed")]
    [TestCase("the app sent Bearer abc123def456ghi in the body")]
    public void Free_text_is_not_searched_for_credential_shapes(string text) =>
        redactor.Redact(text).Should().BeSameAs(text);

    [Test]
    public void A_known_value_is_masked_in_free_text_too()
    {
        redactor.Redact("the target echoed never-issued-refresh-token and canary-secret-Q7w9Zr2x back")
            .Should().Be("the target echoed [REDACTED] and [REDACTED] back");
    }

    [TestCase("curl -H 'Authorization: Bearer eyJabc.def.ghi' https://a.klaviyo.com/api/accounts/", "curl -H 'Authorization: Bearer [REDACTED]' https://a.klaviyo.com/api/accounts/")]
    [TestCase("{\"authorization\":\"Basic c2FtcGxlOnNlY3JldA==\"}", "{\"authorization\":\"Basic [REDACTED]\"}")]
    [TestCase("headers={'Authorization': 'Bearer at-91b2c3d4e5'}", "headers={'Authorization': 'Bearer [REDACTED]'}")]
    [TestCase("GET /api/accounts\nAuthorization: bearer at-91b2c3d4e5\nAccept: */*", "GET /api/accounts\nAuthorization: bearer [REDACTED]\nAccept: */*")]
    public void The_authorization_header_is_masked_in_any_of_its_forms(string text, string expected) =>
        redactor.Redact(text).Should().Be(expected);

    [Test]
    public void A_request_encoded_whole_in_base64_is_masked_for_the_credential_it_carries()
    {
        var request = "POST /oauth/token\nAuthorization: Basic dW5rbm93bjpzM2NyZXQtdmFsdWU=\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=refresh_token";
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(request));

        redactor.Redact($"{{\"request_base64\":\"{encoded[..^3]}\"}}").Should().Be("{\"request_base64\":\"[REDACTED]\"}");
    }
}
