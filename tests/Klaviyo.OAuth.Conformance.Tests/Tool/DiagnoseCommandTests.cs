using Klaviyo.OAuth.Guide;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tool;
using Klaviyo.OAuth.Guide.Tips;
using NUnit.Framework;
using Captures = Klaviyo.OAuth.Conformance.Tests.Diagnosis.CaptureDiagnosisTests;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary><c>diagnose</c> as the tool's users call it: through the command line, on a file or standard input.</summary>
public class DiagnoseCommandTests : ToolCommandTests
{
    private const string CorrectRefresh = $"curl https://a.klaviyo.com/oauth/token {Captures.Good} {Captures.Form} {Captures.Refresh}";

    private static IEnumerable<TestCaseData> Tips() => Captures.TipInputs.Select(t => new TestCaseData(t.Tip, t.Input).SetName("tool_diagnose_" + t.Tip));

    [TestCaseSource(nameof(Tips))]
    public void A_capture_for_each_tip_gets_that_tip(string tip, string input)
    {
        Run("diagnose", Write(input)).Should().Be(ExitCodes.FailsBuild);

        Output.Should().Contain("✗ " + tip).And.Contain(TipCatalogue.Find(tip)!.Words);
        Error.Should().BeEmpty();
    }

    [Test]
    public void A_correct_flow_gives_no_finding_and_exits_0()
    {
        var flow = $"{CorrectRefresh}\ncurl https://a.klaviyo.com/api/profiles -H 'Authorization: Bearer kla_AccessTokenOfTheAppNumberOne0123456789abcd' -H 'revision: 2024-10-15'";

        Run("diagnose", Write(flow)).Should().Be(ExitCodes.Conforming);

        Output.Should().NotContain("✗");
        Error.Should().BeEmpty();
    }

    [Test]
    public void Standard_input_is_read_for_a_dash_and_json_is_machine_output()
    {
        var input = Encoding.UTF8.GetBytes($"curl https://www.klaviyo.com/oauth/token {Captures.Good} {Captures.Form} {Captures.Refresh}");

        Run(new MemoryStream(input), "diagnose", "-", "--json").Should().Be(ExitCodes.FailsBuild);

        using var json = JsonDocument.Parse(Output);
        json.RootElement.GetProperty("withFindings").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("requests")[0].GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("tip").GetString()).Should().Contain("tip.api-host");
    }

    [Test]
    public void A_capture_without_a_request_to_Klaviyo_verified_nothing_and_exits_3()
    {
        Run("diagnose", Write("curl https://example.com/hello")).Should().Be(ExitCodes.Unverified);

        Output.Should().Contain("none to Klaviyo's OAuth endpoints or API");
    }

    [TestCase("""{"log":{"entries":[{"request":{"method":"POST","url":"https://a.klaviyo.com/oauth/to""", "not valid JSON", TestName = "A truncated HAR")]
    [TestCase("""{"log": [1, 2,, 3]}""", "not valid JSON", TestName = "Invalid JSON")]
    public void Bad_text_exits_2_with_one_line(string text, string message)
    {
        Run("diagnose", Write(text)).Should().Be(ExitCodes.BadUsage);

        OneLineOfError().Should().Contain(message);
    }

    [Test]
    public void Empty_standard_input_exits_2_saying_it_is_empty_and_what_to_give()
    {
        Run(new MemoryStream([]), "diagnose", "-").Should().Be(ExitCodes.BadUsage);

        OneLineOfError().Should().StartWith("standard input: empty. Give a capture of the app's requests: a HAR export");
    }

    [Test]
    public void A_binary_file_exits_2_with_one_line()
    {
        var path = Path.Combine(Folder, "capture.pcap");
        File.WriteAllBytes(path, [0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00, 0xff, 0xfe, 0x00, 0x00]);

        Run("diagnose", path).Should().Be(ExitCodes.BadUsage);

        OneLineOfError().Should().Contain(path);
    }

    [Test]
    public void A_500_MB_file_exits_2_with_one_line_before_reading_it()
    {
        var path = Path.Combine(Folder, "huge.har");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(500L * 1024 * 1024);
        }

        Run("diagnose", path).Should().Be(ExitCodes.BadUsage);

        OneLineOfError().Should().Contain("524,288,000 bytes is more than");
    }

    [Test]
    public void A_missing_file_exits_2_with_one_line() =>
        Run("diagnose", Path.Combine(Folder, "absent.har")).Should().Be(ExitCodes.BadUsage);

    [Test]
    public void No_file_is_bad_usage() =>
        Run("diagnose").Should().Be(ExitCodes.BadUsage);

    private string OneLineOfError()
    {
        Output.Should().BeEmpty();
        var lines = Error.Trim().Split('\n');
        lines.Should().ContainSingle();
        lines[0].Should().NotContain(" at Klaviyo").And.NotContain("Exception");
        return lines[0];
    }

    private string Write(string text)
    {
        var path = Path.Combine(Folder, "capture.txt");
        File.WriteAllText(path, text);
        return path;
    }

    private int Run(params string[] args) => Run(Stream.Null, args);

    private int Run(Stream stdin, params string[] args) => RunTool(args, stdin);
}
