using System.Text;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Klaviyo.OAuth.Conformance.Tests.Http;

/// <summary>Odd answers become evidence: a bounded prefix, escaped text, never an exception.</summary>
public sealed class TargetHttpClientTests
{
    private WireMockServer _server = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = WireMockServer.Start();
        Answer("/big", "text/plain", Encoding.ASCII.GetBytes(new string('x', 300_000)));
        Answer("/exact", "text/plain", Encoding.ASCII.GetBytes(new string('y', 64 * 1024)));
        Answer("/bogus-charset", "text/html; charset=bogus-charset", Encoding.UTF8.GetBytes("<p>Bad request</p>"));
        Answer("/latin1", "text/plain; charset=iso-8859-1", [0x63, 0x61, 0x66, 0xE9]);
        Answer("/not-utf8", "application/json", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]);
        Answer("/control", "text/plain", Encoding.ASCII.GetBytes("a\0b\u001b[2Jc\rforged"));
    }

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task An_answer_over_the_limit_is_cut_to_the_limit_and_says_so()
    {
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(10), maxBodyBytes: 64 * 1024);

        var exchange = await http.SendAsync(Get("/big"));

        exchange.IsCut.Should().BeTrue();
        exchange.Body.Should().HaveLength(64 * 1024);
        exchange.CutReason.Should().Be("answer larger than 64 KiB, cut");
        exchange.Describe(new SecretRedactor()).Should().Contain("answer larger than 64 KiB, cut").And.Contain("xxxx");
    }

    [Test]
    public async Task An_answer_of_exactly_the_limit_is_not_cut()
    {
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(10), maxBodyBytes: 64 * 1024);

        var exchange = await http.SendAsync(Get("/exact"));

        exchange.IsCut.Should().BeFalse();
        exchange.Body.Should().HaveLength(64 * 1024);
    }

    [Test]
    public async Task An_unknown_charset_is_shown_as_UTF8_with_a_note()
    {
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(10));

        var exchange = await http.SendAsync(Get("/bogus-charset"));

        exchange.Status.Should().Be(200);
        exchange.Body.Should().Be("<p>Bad request</p>");
        exchange.Describe(new SecretRedactor()).Should().Contain("charset \"bogus-charset\" is unknown");
    }

    [Test]
    public async Task A_known_charset_is_honoured()
    {
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(10));

        var exchange = await http.SendAsync(Get("/latin1"));

        exchange.Body.Should().Be("café");
        exchange.BodyNote.Should().BeNull();
    }

    [Test]
    public async Task Bytes_that_are_not_UTF8_are_shown_as_hex_escapes()
    {
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(10));

        var exchange = await http.SendAsync(Get("/not-utf8"));

        exchange.Body.Should().Be("{\"\\xFF\\xFE\"}");
        exchange.BodyNote.Should().Contain("not UTF-8");
    }

    [Test]
    public async Task Control_characters_in_an_answer_are_escaped_in_its_description()
    {
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(10));

        var exchange = await http.SendAsync(Get("/control"));
        var described = exchange.Describe(new SecretRedactor());

        described.Should().Contain("a\\u0000b\\u001b[2Jc\\rforged");
        described.Where(char.IsControl).Should().OnlyContain(c => c == '\n' || c == '\t');
    }

    private void Answer(string path, string contentType, byte[] body) =>
        _server.Given(Request.Create().WithPath(path)).RespondWith(Response.Create().WithHeader("Content-Type", contentType).WithBody(body));

    private OutgoingRequest Get(string path) => new(HttpMethod.Get, new Uri(_server.Url + path));
}
