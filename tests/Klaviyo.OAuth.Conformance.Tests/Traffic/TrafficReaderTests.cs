using System.Text;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Traffic;

public class TrafficReaderTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("traffic-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [TestCase("""  {"log":{"entries":[]}}""", TrafficFormat.Har)]
    [TestCase("curl https://a.klaviyo.com/", TrafficFormat.Curl)]
    [TestCase("POST /oauth/token HTTP/1.1\nHost: a.klaviyo.com\n\n", TrafficFormat.RawHttp)]
    [TestCase("hello", null)]
    public void The_kind_of_capture_is_detected(string text, TrafficFormat? format) =>
        TrafficReader.Detect(text).Should().Be(format);

    [Test]
    public void A_500_MB_file_is_refused_without_being_read()
    {
        var path = Path.Combine(directory, "huge.har");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(500L * 1024 * 1024); // sparse: nothing is written
        }

        FluentActions.Invoking(() => TrafficReader.ReadFile(path))
            .Should().Throw<TrafficFormatException>().WithMessage("*524,288,000 bytes is more than the 67,108,864*");
    }

    [Test]
    public void A_stream_over_the_cap_is_refused()
    {
        using var stream = new MemoryStream(new byte[2048]);

        FluentActions.Invoking(() => TrafficReader.Read(stream, "stdin", maxBytes: 1024))
            .Should().Throw<TrafficFormatException>().WithMessage("stdin: more than the 1,024 bytes*");
    }

    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "*binary file*")]
    [TestCase(new byte[] { 0x7B, 0xFF, 0xFE, 0x7D }, "*not UTF-8*")]
    public void A_binary_file_is_refused(byte[] bytes, string expected)
    {
        var path = Path.Combine(directory, "image.har");
        File.WriteAllBytes(path, bytes);

        FluentActions.Invoking(() => TrafficReader.ReadFile(path)).Should().Throw<TrafficFormatException>().WithMessage(expected);
    }

    [Test]
    public void A_missing_file_or_unknown_text_gets_one_clear_message()
    {
        FluentActions.Invoking(() => TrafficReader.ReadFile(Path.Combine(directory, "nope.har"))).Should().Throw<TrafficFormatException>().WithMessage("*no such file*");
        FluentActions.Invoking(() => TrafficReader.Parse("just some words")).Should().Throw<TrafficFormatException>().WithMessage("*not a HAR file, a curl command line or an HTTP request*");
    }

    [Test]
    public void A_file_is_read_by_its_kind()
    {
        var path = Path.Combine(directory, "request.txt");
        File.WriteAllText(path, "curl https://a.klaviyo.com/oauth/revoke -d token=x", Encoding.UTF8);

        TrafficReader.ReadFile(path).Single().Url.AbsolutePath.Should().Be("/oauth/revoke");
    }
}
