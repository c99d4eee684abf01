using Klaviyo.OAuth.Guide;
using System.Net;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>The read endpoints an integration calls: JSON:API shape, pagination, include, revision and scopes.</summary>
[Parallelizable(ParallelScope.All)]
public class ApiSurfaceTests
{
    private const string AllReadScopes = "accounts:read profiles:read lists:read metrics:read events:read";

    [TestCase("api/accounts/", "account")]
    [TestCase("api/profiles/", "profile")]
    [TestCase("api/lists/", "list")]
    [TestCase("api/metrics/", "metric")]
    [TestCase("api/events/", "event")]
    public async Task Each_collection_lists_resources_in_JSON_API_shape_and_each_resource_reads_by_id(string path, string type)
    {
        var token = await TokenWith(AllReadScopes);

        var (status, list) = await Get(token, path);

        status.Should().Be(HttpStatusCode.OK);
        list.GetProperty("links").GetProperty("self").GetString().Should().Be(new Uri(Scenario.Emulator.ApiBaseUrl, path).AbsoluteUri);
        var first = list.GetProperty("data")[0];
        first.GetProperty("type").GetString().Should().Be(type);
        first.GetProperty("attributes").ValueKind.Should().Be(JsonValueKind.Object);
        var id = first.GetProperty("id").GetString()!;
        var self = first.GetProperty("links").GetProperty("self").GetString()!;
        self.Should().Be(new Uri(Scenario.Emulator.ApiBaseUrl, $"{path}{id}/").AbsoluteUri);

        var (oneStatus, one) = await Get(token, new Uri(self).PathAndQuery.TrimStart('/'));

        oneStatus.Should().Be(HttpStatusCode.OK);
        one.GetProperty("data").GetProperty("id").GetString().Should().Be(id);
        one.GetProperty("data").GetProperty("type").GetString().Should().Be(type);
    }

    [Test]
    public async Task The_account_has_Klaviyos_attributes_and_links_and_nothing_of_the_emulators_own()
    {
        var scenario = new Scenario();
        var (token, _) = await scenario.ObtainTokens();

        var (_, list) = await Get(token, "api/accounts/");
        var account = list.GetProperty("data")[0];

        account.GetProperty("id").GetString().Should().Be(scenario.AccountId);
        var attributes = account.GetProperty("attributes");
        attributes.TryGetProperty("allowlisted", out _).Should().BeFalse();
        attributes.GetProperty("contact_information").GetProperty("organization_name").GetString().Should().NotBeNullOrEmpty();
        attributes.GetProperty("test_account").GetBoolean().Should().BeFalse();
        account.GetProperty("links").GetProperty("self").GetString().Should().EndWith($"/api/accounts/{scenario.AccountId}/");
        (await Get(token, "api/accounts/" + new Scenario().AccountId + "/")).Status.Should().Be(HttpStatusCode.NotFound, "another account is not this token's");
    }

    [Test]
    public async Task Following_links_next_walks_every_profile_once_and_links_prev_walks_back()
    {
        var token = await TokenWith("profiles:read");
        var seen = new List<string>();
        string? next = "api/profiles/?page[size]=20";
        JsonElement page = default;
        var pages = 0;
        while (next is not null)
        {
            (_, page) = await Get(token, next);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            next = page.GetProperty("links").GetProperty("next").GetString() is { } link ? new Uri(link).PathAndQuery.TrimStart('/') : null;
            pages++;
        }

        pages.Should().Be(3);
        seen.Should().HaveCount(50).And.OnlyHaveUniqueItems();
        var previous = new Uri(page.GetProperty("links").GetProperty("prev").GetString()!).PathAndQuery.TrimStart('/');
        var (_, back) = await Get(token, previous);
        back.GetProperty("data")[0].GetProperty("id").GetString().Should().Be(seen[20]);
    }

    [TestCase("page[size]=0")]
    [TestCase("page[size]=101")]
    [TestCase("page[size]=ten")]
    [TestCase("page[cursor]=not-a-cursor")]
    [TestCase("include=nonsense")]
    public async Task Bad_page_or_include_parameters_are_a_JSON_API_400(string query)
    {
        var token = await TokenWith("events:read");

        var (status, body) = await Get(token, "api/events/?" + query);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("errors")[0].GetProperty("status").GetInt32().Should().Be(400);
    }

    [Test]
    public async Task Events_include_their_metric_and_profile_when_asked()
    {
        var token = await TokenWith("events:read");

        var (_, plain) = await Get(token, "api/events/");
        var (_, withIncluded) = await Get(token, "api/events/?include=metric,profile");

        plain.TryGetProperty("included", out _).Should().BeFalse();
        var included = withIncluded.GetProperty("included").EnumerateArray().Select(r => (r.GetProperty("type").GetString(), r.GetProperty("id").GetString())).ToHashSet();
        foreach (var e in withIncluded.GetProperty("data").EnumerateArray())
        {
            var relationships = e.GetProperty("relationships");
            included.Should().Contain(("metric", relationships.GetProperty("metric").GetProperty("data").GetProperty("id").GetString()));
            included.Should().Contain(("profile", relationships.GetProperty("profile").GetProperty("data").GetProperty("id").GetString()));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("2024-13-45")]
    [TestCase("yesterday")]
    [TestCase("2024-10-15.alpha")]
    public async Task A_missing_or_malformed_revision_header_is_a_JSON_API_400(string? revision)
    {
        var (token, _) = await new Scenario().ObtainTokens();

        using var response = await Scenario.CallApi("Bearer " + token, revision: revision);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Header("Content-Type").Should().Be("application/vnd.api+json");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        error.GetProperty("code").GetString().Should().Be("invalid");
        error.GetProperty("title").GetString().Should().Be("Invalid input.");
        error.GetProperty("detail").GetString().Should().Contain("revision");
    }

    [TestCase("2024-10-15")]
    [TestCase("2025-07-15.pre")]
    public async Task A_dated_revision_is_accepted(string revision)
    {
        var (token, _) = await new Scenario().ObtainTokens();

        using var response = await Scenario.CallApi("Bearer " + token, revision: revision);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("api/profiles/", "profiles:read")]
    [TestCase("api/lists/", "lists:read")]
    [TestCase("api/metrics/", "metrics:read")]
    [TestCase("api/events/", "events:read")]
    public async Task A_token_without_the_resources_read_scope_gets_a_JSON_API_403(string path, string scope)
    {
        var token = await TokenWith("accounts:read");

        var (status, body) = await Get(token, path);

        status.Should().Be(HttpStatusCode.Forbidden);
        var error = body.GetProperty("errors")[0];
        error.GetProperty("code").GetString().Should().Be("permission_denied");
        error.GetProperty("title").GetString().Should().Be("You do not have permission to perform this action.");
        error.GetProperty("detail").GetString().Should().Contain(scope);
        (await Get(await TokenWith(scope), path)).Status.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("api/profiles/")]
    [TestCase("api/nothing-here/")]
    [TestCase("api/events/some-id/")]
    public async Task Authentication_is_checked_first_on_every_API_path(string path)
    {
        using var response = await Scenario.CallApi(null, path, revision: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_400_and_403_texts_are_the_configured_ones()
    {
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions
        {
            RevisionErrorCode = "revision_required",
            RevisionErrorTitle = "Revision required.",
            ScopeErrorCode = "missing_scope",
            ScopeErrorTitle = "Missing scope.",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var token = await OwnEmulator.AccessToken(emulator, "accounts:read");

        var noRevision = await OwnEmulator.Get(emulator, http, token, "api/accounts/", revision: null);
        var noScope = await OwnEmulator.Get(emulator, http, token, "api/profiles/", Scenario.Revision);

        noRevision.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("revision_required");
        noRevision.GetProperty("errors")[0].GetProperty("title").GetString().Should().Be("Revision required.");
        noScope.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("missing_scope");
        noScope.GetProperty("errors")[0].GetProperty("title").GetString().Should().Be("Missing scope.");
    }

    private static async Task<string> TokenWith(string scope) => (await new Scenario(scope: scope).ObtainTokens()).AccessToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(string token, string pathAndQuery)
    {
        using var response = await Scenario.CallApi("Bearer " + token, pathAndQuery);
        response.Header("Content-Type").Should().Be("application/vnd.api+json");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
