using FluentAssertions;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Drift;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting.Drift;

/// <summary>An observation keeps what two runs can be compared by, and never a value: no token, id, date or description.</summary>
public class ObservationTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhY2NvdW50LTEyMyJ9.c2lnbmF0dXJlLXNlY3JldC1ieXRlcy0xMjM0NTY3ODkw";
    private const string Opaque = "kla_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_ab";

    private static HttpExchange Answer(string url, int status, string body, params (string Name, string Value)[] headers) =>
        new(new OutgoingRequest(HttpMethod.Post, new Uri(url)), status, "reason", [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))], body);

    [Test]
    public void A_token_answer_is_observed_by_its_shape_and_field_names_only()
    {
        var exchange = Answer("https://a.example/oauth/token?code=abc", 200,
            $$"""{"token_type":"Bearer","access_token":"{{Jwt}}","refresh_token":"rt-secret-value","expires_in":3600,"scope":"accounts:read"}""",
            ("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store"));

        var observation = Observation.Of(exchange);

        observation.Should().Be(observation with { });
        observation.Request.Should().Be("POST /oauth/token");
        observation.Status.Should().Be(200);
        observation.Fields.Should().Equal("access_token", "expires_in", "refresh_token", "scope", "token_type");
        observation.ContentType.Should().Be("application/json");
        observation.AccessToken.Should().Be(Observation.JwtShape);
        Observation.Serialize([observation]).Should().NotContain(Jwt).And.NotContain("rt-secret-value").And.NotContain("accounts:read").And.NotContain("abc");
    }

    [Test]
    public void An_opaque_token_is_opaque() =>
        Observation.ShapeOf(Opaque).Should().Be(Observation.OpaqueShape);

    [TestCase("a.b.c")]
    [TestCase("not-base64!.eyJ9.x")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9")]
    public void A_token_that_only_looks_dotted_is_opaque(string token) =>
        Observation.ShapeOf(token).Should().Be(Observation.OpaqueShape);

    [Test]
    public void An_oauth_error_keeps_its_code_and_headers_present_not_their_values()
    {
        var observation = Observation.Of(Answer("https://a.example/oauth/token", 429, """{"error":"rate_limit","error_description":"Try again at 2026-01-01T00:00:00Z"}""",
            ("Content-Type", "application/json"), ("Retry-After", "60"), ("WWW-Authenticate", "Basic realm=\"x\"")));

        observation.Should().BeEquivalentTo(new { Status = 429, Error = "rate_limit", RetryAfter = true, WwwAuthenticate = true, AccessToken = (string?)null });
        Observation.Serialize([observation]).Should().NotContain("2026").And.NotContain("60").And.NotContain("realm");
    }

    [Test]
    public void A_json_api_error_is_observed_by_its_code_and_ids_in_the_path_are_masked()
    {
        var observation = Observation.Of(Answer("https://a.example/api/profiles/01HZX3K9ABCDEF/", 401,
            """{"errors":[{"id":"7f0e","status":401,"code":"not_authenticated","title":"x","detail":"y"}]}""", ("Content-Type", "application/vnd.api+json")));

        observation.Request.Should().Be("POST /api/profiles/{id}/");
        observation.Error.Should().Be("not_authenticated");
        observation.Fields.Should().Equal("errors");
    }

    [Test]
    public void A_value_in_the_place_of_a_name_is_not_kept()
    {
        var observation = Observation.Of(Answer("https://a.example/oauth/token", 400, """{"error":"bad value with spaces and a secret s3cr3t","tok en":1}"""));

        observation.Error.Should().Be("(not a name)");
        observation.Fields.Should().Equal("(not a name)", "error");
        observation.ContentType.Should().BeNull();
    }

    [Test]
    public void The_suites_attachment_becomes_the_scenarios_observations_in_conformance_json()
    {
        var folder = TestData.TempDirectory();
        try
        {
            var token = RunComparerTests.Tokens("access_token", "scope");
            var ndjson = new Messages().EveryBehaviourPassing()
                .Scenario("refreshing", ["@baseline", "@token.refresh.succeeds"], Messages.Passed).Observed(token, RunComparerTests.Refused(401, "invalid_client"))
                .WriteTo(folder);

            var json = ConformanceJsonWriter.Render(ConformanceReport.Build(ndjson));
            var read = ConformanceJsonWriter.Read(json)!;

            read.SchemaVersion.Should().Be(2);
            read.ToolVersion.Should().NotBeNullOrEmpty();
            var scenarios = read.Groups.SelectMany(g => g.Behaviours).Single(b => b.Id == "token.refresh.succeeds").Scenarios;
            scenarios.Single(s => s.Name == "refreshing").Observations.Should().BeEquivalentTo([token, RunComparerTests.Refused(401, "invalid_client")], o => o.WithStrictOrdering());
            scenarios.Single(s => s.Name != "refreshing").Observations.Should().BeNull();
            json.Should().Contain("\"observations\": [").And.Contain("\"wwwAuthenticate\": true");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_schema_1_file_reads_without_observations()
    {
        var v1 = """{"schemaVersion":1,"run":{"targetKind":"embedded"},"summary":null,"groups":[{"group":"token","title":"t","behaviours":[{"id":"token.refresh.succeeds","level":"baseline","verdict":"satisfied","reasons":[],"scenarios":[{"name":"s","uri":"u","outcome":"passed"}]}]}],"troubleshootingTips":[],"clientConductRules":[],"defects":[]}""";

        var read = ConformanceJsonWriter.Read(v1)!;

        read.ToolVersion.Should().BeNull();
        read.Groups[0].Behaviours[0].Scenarios[0].Observations.Should().BeNull();
    }
}
