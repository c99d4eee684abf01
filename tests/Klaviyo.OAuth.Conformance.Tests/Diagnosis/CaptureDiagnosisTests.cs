using System.Text;
using System.Text.Json;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Tips;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Diagnosis;

/// <summary>The guide's diagnosis of a capture, as text and JSON; bad input is one <see cref="TrafficFormatException"/> message.</summary>
public class CaptureDiagnosisTests
{
    internal const string Form = "-H 'Content-Type: application/x-www-form-urlencoded'";
    internal const string Good = "-H 'Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2'";
    internal const string Refresh = "--data-raw 'grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne0123456789'";

    // One "Copy as cURL" line per tip; the tips that need the server's records carry its answer as a raw response instead.
    internal static readonly (string Tip, string Input)[] TipInputs =
    [
        ("tip.client-id", "POST /oauth/token HTTP/1.1\nHost: a.klaviyo.com\nAuthorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=refresh_token&refresh_token=klr_x\n\nHTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{\"error\":\"invalid_client\"}"),
        ("tip.credentials-base64", $"curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic app1client:s3cret-value' {Form} {Refresh}"),
        ("tip.basic-prefix", $"curl https://a.klaviyo.com/oauth/token -H 'Authorization: Bearer YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2' {Form} {Refresh}"),
        ("tip.bytes-to-string", $"curl https://a.klaviyo.com/oauth/token -H \"Authorization: Basic b'YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2'\" {Form} {Refresh}"),
        ("tip.authorization-header", $"curl https://a.klaviyo.com/oauth/token {Form} {Refresh}"),
        ("tip.grant-type", $"curl https://a.klaviyo.com/oauth/token {Good} {Form} --data-raw 'grant_type=Refresh_Token&refresh_token=klr_x'"),
        ("tip.form-body", $"curl https://a.klaviyo.com/oauth/token {Good} -H 'Content-Type: application/json' --data-raw '{{\"grant_type\":\"refresh_token\"}}'"),
        ("tip.refresh-token-invalid", "POST /oauth/token HTTP/1.1\nHost: a.klaviyo.com\nAuthorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=refresh_token&refresh_token=klr_x\n\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token has been revoked\"}"),
        ("tip.code-verifier-pattern", $"curl https://a.klaviyo.com/oauth/token {Good} {Form} --data-raw 'grant_type=authorization_code&code=c&redirect_uri=x&code_verifier=too-short'"),
        ("tip.code-challenge-s256", "POST /oauth/token HTTP/1.1\nHost: a.klaviyo.com\nAuthorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2\nContent-Type: application/x-www-form-urlencoded\n\n"
            + "grant_type=authorization_code&code=c&code_verifier=" + new string('a', 43) + "\n\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\"error\":\"invalid_grant\",\"error_description\":\"Code challenge failed.\"}"),
        ("tip.api-host", $"curl https://www.klaviyo.com/oauth/token {Good} {Form} {Refresh}"),
    ];

    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("diagnose-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private static IEnumerable<TestCaseData> Tips() => TipInputs.Select(t => new TestCaseData(t.Tip, t.Input).SetName("diagnose_" + t.Tip));

    [TestCaseSource(nameof(Tips))]
    public void A_captured_request_for_each_tip_gets_that_tip_in_the_guides_words(string tip, string input)
    {
        var (diagnosis, output) = Run(input);

        diagnosis.HasFindings.Should().BeTrue();
        output.Should().Contain("✗ " + tip).And.Contain(TipCatalogue.Find(tip)!.Words);
        output.Should().NotContain("s3cret-value").And.NotContain("YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2").And.NotContain("klr_RefreshTokenOfTheAppNumberOne0123456789");
    }

    [Test]
    public void Every_tip_has_a_captured_request() =>
        TipInputs.Select(t => t.Tip).Should().BeEquivalentTo(TipCatalogue.All.Select(t => t.Id));

    [Test]
    public void A_correct_request_says_nothing_is_wrong_and_exits_0()
    {
        var (diagnosis, output) = Run($"curl https://a.klaviyo.com/oauth/token {Good} {Form} {Refresh}");

        diagnosis.HasFindings.Should().BeFalse();
        output.Should().Contain("nothing wrong found in 1 request(s)").And.Contain("Not known without the server's records");
    }

    [Test]
    public void Json_output_lists_requests_with_findings_quoted_from_the_guide()
    {
        var (diagnosis, output) = Run($"curl https://www.klaviyo.com/oauth/token {Good} {Form} {Refresh}", json: true);

        diagnosis.HasFindings.Should().BeTrue();
        using var json = JsonDocument.Parse(output);
        var finding = json.RootElement.GetProperty("requests")[0].GetProperty("findings")[0];
        finding.GetProperty("tip").GetString().Should().Be("tip.api-host");
        finding.GetProperty("behaviour").GetString().Should().Be("token.wrong-host");
        finding.GetProperty("tipWords").GetString().Should().Be(TipCatalogue.Find("tip.api-host")!.Words);
    }

    [Test]
    public void A_500_MB_file_gets_one_message()
    {
        var path = Path.Combine(directory, "huge.har");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(500L * 1024 * 1024);
        }

        Message(() => CaptureDiagnosis.ReadFile(path)).Should().Contain("524,288,000 bytes is more than").And.NotContain(" at ");
    }

    [TestCase("""{"log":{"entries":[{"request":""", "not valid JSON")]
    [TestCase("""{"log":{"entries":[{"request":{"method":"POST","url":"https://a.klaviyo.com/oauth/token","postData":{"text":"!!","encoding":"base64"}}}]}}""", "not valid base64")]
    [TestCase("not a capture at all", "not a HAR file, a curl command line or an HTTP request")]
    public void Bad_input_gets_one_clear_message(string text, string message)
    {
        var path = Path.Combine(directory, "bad.har");
        File.WriteAllText(path, text);

        Message(() => CaptureDiagnosis.ReadFile(path)).Split('\n').Should().ContainSingle().Which.Should().Contain(message);
    }

    [Test]
    public void A_har_with_base64_and_binary_bodies_is_diagnosed()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("grant_type=refresh-token&refresh_token=klr_x"));
        var har = """{"log":{"entries":[{"request":{"method":"POST","url":"https://a.klaviyo.com/oauth/token","headers":[{"name":"Authorization","value":"Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2"},{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],"postData":{"mimeType":"application/x-www-form-urlencoded","text":"BODY","encoding":"base64"}},"response":{"status":200,"content":{"mimeType":"image/png","text":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==","encoding":"base64"}}}]}}""".Replace("BODY", body, StringComparison.Ordinal);

        var (diagnosis, output) = Run(har);

        diagnosis.HasFindings.Should().BeTrue();
        output.Should().Contain("\"refresh-token\" is a misspelling of refresh_token");
    }

    [Test]
    public void A_binary_file_gets_one_message_naming_it()
    {
        var path = Path.Combine(directory, "capture.pcap");
        File.WriteAllBytes(path, [0xd4, 0xc3, 0xb2, 0xa1, 0, 0, 0, 0]);

        Message(() => CaptureDiagnosis.ReadFile(path)).Should().Contain(path);
    }

    [Test]
    public void A_capture_without_a_request_to_Klaviyo_diagnoses_nothing()
    {
        var (diagnosis, output) = Run("curl https://example.com/hello");

        diagnosis.NothingDiagnosed.Should().BeTrue();
        output.Should().Contain("none to Klaviyo's OAuth endpoints or API");
    }

    private static string Message(Action read) => read.Should().Throw<TrafficFormatException>().Which.Message;

    private static (CaptureDiagnosis Diagnosis, string Output) Run(string stdin, bool json = false)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var diagnosis = CaptureDiagnosis.Read(input);
        if (json)
        {
            return (diagnosis, diagnosis.ToJson());
        }

        using var output = new StringWriter();
        diagnosis.WriteText(output);
        return (diagnosis, output.ToString());
    }
}
