using System.Net;
using System.Text;
using Klaviyo.OAuth.Emulator.Standalone;
using Klaviyo.OAuth.Emulator.Tests.Http;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>WireMock JSON mapping files from a folder (<c>--mappings DIR</c>), and WireMock's admin API, through HTTP.</summary>
public class MappingFileTests
{
    private const string CampaignsMapping = """
        {
          "Request": { "Path": "/api/campaigns/", "Methods": ["GET"] },
          "Response": { "StatusCode": 200, "Headers": { "Content-Type": "application/vnd.api+json" }, "BodyAsFile": "campaigns.json" }
        }
        """;

    private const string ReportMapping = """
        {
          "Request": { "Path": "/api/custom-reports/", "Methods": ["POST"] },
          "Response": { "StatusCode": 200, "Body": "{\"data\":{\"type\":\"report\"}}" },
          "Data": { "scope": "reports:read" }
        }
        """;

    private DirectoryInfo _folder = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void Folder()
    {
        _folder = Directory.CreateTempSubdirectory("mappings-");
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "__files"));
        File.WriteAllText(Path.Combine(_folder.FullName, "__files", "campaigns.json"), """{"data":[{"type":"campaign","id":"from-file"}]}""");
        File.WriteAllText(Path.Combine(_folder.FullName, "campaigns.json"), CampaignsMapping);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true);
    }

    [TearDown]
    public void Clean()
    {
        _http.Dispose();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task A_mapping_file_answers_with_its_body_file_after_the_oauth_checks()
    {
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = _folder.FullName });
        var token = await OwnEmulator.AccessToken(emulator, "campaigns:read");

        using var anonymous = await _http.GetAsync(new Uri(emulator.ApiBaseUrl, "api/campaigns/"));
        var campaigns = await OwnEmulator.Get(emulator, _http, token, "api/campaigns/", Scenario.Revision);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        campaigns.GetProperty("data")[0].GetProperty("id").GetString().Should().Be("from-file");
    }

    [Test]
    public async Task A_scope_named_in_a_mappings_metadata_is_the_scope_its_path_needs()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "report.json"), ReportMapping);
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = _folder.FullName });
        var named = await OwnEmulator.AccessToken(emulator, "reports:read");
        var conventional = await OwnEmulator.AccessToken(emulator, "custom-reports:write");

        using var allowed = await Post(emulator, named, "api/custom-reports/");
        using var refused = await Post(emulator, conventional, "api/custom-reports/");

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("reports:read");
    }

    [Test]
    public async Task A_malformed_mapping_file_is_one_message_naming_the_file_and_exit_2()
    {
        var broken = Path.Combine(_folder.FullName, "broken.json");
        File.WriteAllText(broken, """{ "Request": { "Path": "/api/x/" """);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCommandLine.RunAsync(["--mappings", _folder.FullName], output, error);

        exit.Should().Be(ExitCodes.BadUsage);
        error.ToString().Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(broken).And.NotContain("   at ")
            .And.Contain("is not valid JSON at line 1, column ").And.NotContain("LineNumber", "the position is said in words, counted from 1");
        output.ToString().Should().NotContain(StandaloneEmulator.ReadyLine);
    }

    [Test]
    public void A_mapping_for_one_of_the_models_own_paths_is_refused_and_a_pattern_that_could_match_one_is_warned_about()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "token.json"), """{ "Request": { "Path": "/oauth/token" }, "Response": { "StatusCode": 200 } }""");
        var refused = () => KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = _folder.FullName });
        refused.Should().Throw<ArgumentException>().WithMessage("*token.json*/oauth/token*emulator's own*");

        File.Delete(Path.Combine(_folder.FullName, "token.json"));
        File.WriteAllText(Path.Combine(_folder.FullName, "everything.json"), """{ "Request": { "Path": { "Matchers": [{ "Name": "WildcardMatcher", "Pattern": "/*" }] } }, "Response": { "StatusCode": 200 } }""");
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = _folder.FullName });
        emulator.MappingWarnings.Should().ContainSingle().Which.Should().Contain("everything.json").And.Contain("/oauth/token");
    }

    [Test]
    public async Task The_admin_api_adds_a_stub_while_the_control_api_is_on_and_is_gone_with_it()
    {
        using var emulator = KlaviyoEmulator.Start();
        using var off = KlaviyoEmulator.Start(new EmulatorOptions { EnableControlApi = false });
        var mapping = """{ "Request": { "Path": "/api/templates/", "Methods": ["GET"] }, "Response": { "StatusCode": 200, "Body": "admin-made" } }""";

        using var added = await _http.PostAsync(new Uri(emulator.ApiBaseUrl, "__admin/mappings"), new StringContent(mapping, Encoding.UTF8, "application/json"));
        var token = await OwnEmulator.AccessToken(emulator, "templates:read");
        using var stubbed = await OwnEmulator.Send(emulator, _http, token, "api/templates/");
        using var listed = await _http.GetAsync(new Uri(emulator.ApiBaseUrl, "__admin/mappings"));
        using var garbage = await _http.PostAsync(new Uri(emulator.ApiBaseUrl, "__admin/mappings"), new StringContent("{{{", Encoding.UTF8, "application/json"));
        using var absent = await _http.GetAsync(new Uri(off.ApiBaseUrl, "__admin/mappings"));

        added.IsSuccessStatusCode.Should().BeTrue(await added.Content.ReadAsStringAsync());
        (await stubbed.Content.ReadAsStringAsync()).Should().Be("admin-made");
        (await listed.Content.ReadAsStringAsync()).Should().Contain("/api/templates/");
        garbage.StatusCode.Should().Be(HttpStatusCode.BadRequest, "WireMock's own 500 with a stack trace is the caller's bad input");
        (await garbage.Content.ReadAsStringAsync()).Should().NotContain("   at ");
        absent.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_watched_folder_serves_a_mapping_file_written_after_the_start()
    {
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = _folder.FullName, WatchMappings = true });
        var token = await OwnEmulator.AccessToken(emulator, "segments:read");
        File.WriteAllText(Path.Combine(_folder.FullName, "segments.json"), """{ "Request": { "Path": "/api/segments/" }, "Response": { "StatusCode": 200, "Body": "watched" } }""");

        var body = string.Empty;
        for (var i = 0; i < 50 && body != "watched"; i++)
        {
            await Task.Delay(100);
            using var response = await OwnEmulator.Send(emulator, _http, token, "api/segments/");
            body = await response.Content.ReadAsStringAsync();
        }

        body.Should().Be("watched");
    }

    private async Task<HttpResponseMessage> Post(KlaviyoEmulator emulator, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseUrl, path)) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.Add("revision", Scenario.Revision);
        return await _http.SendAsync(request);
    }
}
