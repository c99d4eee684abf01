using System.Net;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// A mapping names the scope its endpoint needs in its WireMock metadata
/// (<c>"Data": {"klaviyo": {"scope": …}}</c>), whichever way it was added: a mapping file, the
/// admin API, or <c>Given(…).WithData(…)</c>. A token with that scope reaches the mapping; one
/// with only the scope Klaviyo's convention would ask gets the model's 403 for a missing scope.
/// </summary>
public class ScopeMetadataTests
{
    private static readonly string[] TwoScopes = ["metrics:read", "lists:read"];

    private DirectoryInfo _folder = null!;
    private KlaviyoEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _folder = Directory.CreateTempSubdirectory("scoped-mappings-");
        File.WriteAllText(Path.Combine(_folder.FullName, "file.json"), Mapping("/api/from-file/", "GET", "campaigns:read", "from a file"));
        _emulator = KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = _folder.FullName });
        _http = OwnEmulator.Client();
        using var added = await _http.PostAsync(
            new Uri(_emulator.ApiBaseUrl, "__admin/mappings"),
            new StringContent(Mapping("/api/from-admin/", "GET", "templates:read", "from the admin API"), Encoding.UTF8, "application/json"));
        added.IsSuccessStatusCode.Should().BeTrue();
        _emulator.Given(Request.Create().WithPath("/api/from-given/").UsingGet())
            .WithData(new { klaviyo = new { scope = "flows:read" } })
            .RespondWith(Response.Create().WithBody("from Given"));
        _emulator.Given(Request.Create().WithPath("/api/reports/*").UsingGet())
            .WithData(new { klaviyo = new { scope = TwoScopes } })
            .RespondWith(Response.Create().WithBody("from a pattern"));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _emulator.Dispose();
        _folder.Delete(recursive: true);
    }

    [TestCase("api/from-file/", "campaigns:read", "from-file:read", "from a file")]
    [TestCase("api/from-admin/", "templates:read", "from-admin:read", "from the admin API")]
    [TestCase("api/from-given/", "flows:read", "from-given:read", "from Given")]
    [TestCase("api/reports/weekly/", "metrics:read lists:read", "metrics:read", "from a pattern")]
    public async Task The_scope_in_a_mappings_metadata_is_the_one_its_endpoint_needs(string path, string named, string other, string body)
    {
        var allowed = await OwnEmulator.AccessToken(_emulator, named);
        var refused = await OwnEmulator.AccessToken(_emulator, other);

        using var stubbed = await OwnEmulator.Send(_emulator, _http, allowed, path);
        using var forbidden = await OwnEmulator.Send(_emulator, _http, refused, path);

        stubbed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stubbed.Content.ReadAsStringAsync()).Should().Be(body);
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var error = JsonDocument.Parse(await forbidden.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        var options = new EmulatorOptions();
        error.GetProperty("code").GetString().Should().Be(options.ScopeErrorCode);
        error.GetProperty("title").GetString().Should().Be(options.ScopeErrorTitle);
        error.GetProperty("detail").GetString().Should().Contain(named.Split(' ').First(s => !other.Split(' ').Contains(s)));
    }

    [Test]
    public async Task A_mapping_added_later_through_the_admin_API_is_scoped_from_its_next_request()
    {
        var token = await OwnEmulator.AccessToken(_emulator, "late:read");
        using var before = await OwnEmulator.Send(_emulator, _http, token, "api/late/");
        using var added = await _http.PostAsync(
            new Uri(_emulator.ApiBaseUrl, "__admin/mappings"),
            new StringContent(Mapping("/api/late/", "GET", "catalogs:read", "late"), Encoding.UTF8, "application/json"));

        using var after = await OwnEmulator.Send(_emulator, _http, token, "api/late/");

        before.StatusCode.Should().Be(HttpStatusCode.NotFound, "no mapping yet, and the model has no /api/late/");
        after.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the new mapping names catalogs:read");
    }

    private static string Mapping(string path, string method, string scope, string body) => JsonSerializer.Serialize(new
    {
        Request = new { Path = path, Methods = new[] { method } },
        Response = new { StatusCode = 200, Body = body },
        Data = new { klaviyo = new { scope } },
    });
}
