using System.Net;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Standalone;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>Every refusal carries its request id, its client and the guide's findings, in the journal and (opt-in) on the wire.</summary>
public class RefusalExplanationTests
{
    private static readonly string[] InvalidClientVariants =
    [
        "no-header", "not-base64", "no-colon", "bearer", "bytes-literal", "unknown-client", "wrong-secret", "in-body",
    ];

    [TestCaseSource(nameof(InvalidClientVariants))]
    public async Task Each_invalid_client_variant_is_journaled_with_its_tip(string variant)
    {
        var scenario = new Scenario();
        var id = scenario.Client.ClientId;
        var secret = scenario.Client.ClientSecret;
        var (authorization, body, finding, tip) = variant switch
        {
            "no-header" => ((string?)null, "grant_type=refresh_token&refresh_token=x", "finding-authorization-missing", "tip.authorization-header"),
            "not-base64" => ("Basic " + id + ":" + secret, "grant_type=refresh_token&refresh_token=x", "finding-credentials-in-clear", "tip.credentials-base64"),
            "no-colon" => ("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(id + secret)), "grant_type=refresh_token&refresh_token=x", "finding-credentials-no-colon", "tip.authorization-header"),
            "bearer" => ("Bearer " + scenario.Basic[6..], "grant_type=refresh_token&refresh_token=x", "finding-scheme-not-basic", "tip.basic-prefix"),
            "bytes-literal" => ("Basic b'" + scenario.Basic[6..] + "'", "grant_type=refresh_token&refresh_token=x", "finding-bytes-literal", "tip.bytes-to-string"),
            "unknown-client" => (Scenario.BasicOf("no-such-client", secret), "grant_type=refresh_token&refresh_token=x", "finding-client-id-unknown", "tip.client-id"),
            "wrong-secret" => (Scenario.BasicOf(id, "wrong-secret"), "grant_type=refresh_token&refresh_token=x", "finding-secret-wrong", "tip.authorization-header"),
            _ => (null, $"grant_type=refresh_token&refresh_token=x&client_id={id}&client_secret={secret}", "finding-credentials-in-body", "tip.authorization-header"),
        };

        using var response = await scenario.Token(body, authorization);

        var entry = EntryOf(response);
        entry.Status.Should().Be(401);
        entry.Findings!.Select(f => (f.Finding, f.Tip)).Should().StartWith([(finding, tip)]);
        if (variant is "wrong-secret" or "bytes-literal" or "in-body" or "not-base64")
        {
            entry.ClientId.Should().Be(id, "the request names its client");
        }

        JsonSerializer.Serialize(entry).Should().NotContain(secret);
    }

    [TestCase("grant_type=refresh-token&refresh_token=x", "finding-grant-type-unsupported")]
    [TestCase("grant_type=authorization_code&code=c&code_verifier=short", "finding-verifier-length")]
    [TestCase("grant_type=refresh_token&refresh_token=klr_never-issued", "finding-refresh-token-unknown")]
    [TestCase("grant_type=refresh_token", "finding-refresh-token-missing")]
    public async Task Grant_type_pkce_and_refresh_token_errors_are_journaled_with_their_finding(string body, string finding)
    {
        var scenario = new Scenario();

        using var response = await scenario.Token(body);

        EntryOf(response).Findings!.Select(f => f.Finding).Should().StartWith(finding);
    }

    [Test]
    public async Task A_plain_challenge_a_truncated_and_a_revoked_refresh_token_are_explained_from_the_model()
    {
        var scenario = new Scenario();
        var code = await scenario.Approve();
        using var plain = await scenario.Token(Scenario.CodeExchangeBody(code, Scenario.Challenge));
        EntryOf(plain).Findings!.Single().Finding.Should().Be("finding-challenge-plain");

        var (_, refreshToken) = await new Scenario().ObtainTokens();
        var owner = new Scenario();
        var (_, ownToken) = await owner.ObtainTokens();
        using var truncated = await owner.Token(Scenario.RefreshBody(ownToken[..30]));
        EntryOf(truncated).Findings!.Single().Detail.Should().Contain("the first 30 characters of one issued on");

        using var revoke = await owner.Revoke("token=" + ownToken);
        using var revoked = await owner.Token(Scenario.RefreshBody(ownToken));
        EntryOf(revoked).Findings!.Single().Detail.Should().Contain("revoked by the app");

        using var foreign = await owner.Token(Scenario.RefreshBody(refreshToken));
        EntryOf(foreign).Outcome.Should().Contain("never issued, or issued to another client").And.NotContain("not issued to this client");
    }

    [Test]
    public async Task A_token_request_to_the_web_host_is_journaled_with_the_api_host_tip()
    {
        var scenario = new Scenario();

        using var response = await Scenario.Send(HttpMethod.Post, Scenario.Web("oauth/token"), scenario.Basic, "grant_type=refresh_token&refresh_token=x", Scenario.Form);

        EntryOf(response).Findings!.Single().Tip.Should().Be("tip.api-host");
    }

    [Test]
    public async Task The_diagnosis_header_is_off_by_default_and_the_console_line_names_the_tip()
    {
        var scenario = new Scenario();

        using var response = await scenario.Token("grant_type=refresh_token&refresh_token=x", "Basic b'abc'");

        response.Header("X-Klaviyo-Emulator-Diagnosis").Should().BeNull();
        var line = ConsoleLine.Of(EntryOf(response));
        line.Should().Contain("tip.bytes-to-string").And.Contain(response.Header("X-Request-Id"));
    }

    [Test]
    public async Task With_the_option_on_a_refusal_carries_its_findings_as_a_header()
    {
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { DiagnosisHeader = true });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseUrl, "oauth/token"))
        {
            Content = new StringContent("{\"grant_type\":\"refresh_token\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic b'abc'");

        using var response = await http.SendAsync(request);

        using var findings = JsonDocument.Parse(response.Headers.GetValues("X-Klaviyo-Emulator-Diagnosis").Single());
        findings.RootElement.EnumerateArray().Select(f => f.GetProperty("finding").GetString()).Should().Equal("finding-bytes-literal", "finding-body-json");
    }

    [Test]
    public async Task The_journal_filters_by_client_status_and_time_and_leaves_control_calls_out()
    {
        var scenario = new Scenario();
        var other = new Scenario();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        using var refused = await scenario.Token("grant_type=password");
        using var otherRefused = await other.Token("grant_type=password");
        var (access, _) = await scenario.ObtainTokens();
        using var call = await Scenario.CallApi("Bearer " + access);

        var entries = await Journal($"clientId={scenario.Client.ClientId}&since={Uri.EscapeDataString(since)}");
        entries.Select(e => e.GetProperty("status").GetInt32()).Should().Contain([400, 200]).And.HaveCountGreaterThanOrEqualTo(3, "the code exchange and the API call are this client's too");
        entries.Should().OnlyContain(e => e.GetProperty("clientId").GetString() == scenario.Client.ClientId);
        entries.Should().Contain(e => e.GetProperty("path").GetString()!.StartsWith("/oauth/authorize", StringComparison.Ordinal), "an authorization names its app in its client_id, so grading the app sees it");

        var refusals = await Journal($"clientId={scenario.Client.ClientId}&status=4xx");
        refusals.Should().ContainSingle().Which.GetProperty("findings")[0].GetProperty("tip").GetString().Should().Be("tip.grant-type");

        (await Journal("limit=1000")).Should().NotContain(e => e.GetProperty("path").GetString()!.StartsWith("/__control", StringComparison.Ordinal));
        (await Journal("limit=1000&control=true")).Should().Contain(e => e.GetProperty("path").GetString()!.StartsWith("/__control", StringComparison.Ordinal));
    }

    [TestCase("status=abc")]
    [TestCase("since=yesterday")]
    [TestCase("control=maybe")]
    [TestCase("limit=0")]
    public async Task A_bad_journal_filter_is_a_400_with_a_message(string query)
    {
        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Api("__control/journal?" + query));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static JournalEntry EntryOf(HttpResponseMessage response)
    {
        var id = response.Header("X-Request-Id");
        id.Should().StartWith("req_");
        return Scenario.Emulator.Journal.Single(e => e.RequestId == id);
    }

    private static async Task<List<JsonElement>> Journal(string query)
    {
        using var response = await Scenario.Send(HttpMethod.Get, Scenario.Api("__control/journal?" + query));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone())];
    }
}
