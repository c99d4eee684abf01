using FluentAssertions;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Traffic;

public class RawHttpReaderTests
{
    [Test]
    public void A_request_and_its_response_read_back()
    {
        const string text = "POST /oauth/token HTTP/1.1\r\nHost: a.klaviyo.com\r\nAuthorization: Basic b'abc'\r\nContent-Type: application/json\r\nContent-Length: 29\r\n\r\n{\"grant_type\":\"refresh_token\"}\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{\"error\":\"unsupported_grant_type\"}";

        var exchange = RawHttpReader.Read(text).Should().ContainSingle().Subject;

        exchange.Method.Should().Be("POST");
        exchange.Url.Should().Be(new Uri("https://a.klaviyo.com/oauth/token"));
        exchange.RequestHeaders.First("Authorization").Should().Be("Basic b'abc'");
        exchange.RequestBodyText.Should().Be("{\"grant_type\":\"refresh_token\"", "Content-Length bounds the body");
        exchange.Response!.Status.Should().Be(400);
        exchange.Response.BodyText.Should().Be("{\"error\":\"unsupported_grant_type\"}");
    }

    [Test]
    public void A_request_alone_has_no_response()
    {
        var exchange = RawHttpReader.Read("GET https://www.klaviyo.com/oauth/token HTTP/1.1\n\n").Single();

        exchange.Url.Host.Should().Be("www.klaviyo.com");
        exchange.Response.Should().BeNull();
    }

    [TestCase("POST /oauth/token HTTP/1.1\n\n", "no Host header")]
    [TestCase("POST /oauth/token HTTP/1.1\nHost a.klaviyo.com\n\n", "line 2 is not a header")]
    public void Broken_requests_get_one_clear_message(string text, string expected) =>
        FluentActions.Invoking(() => RawHttpReader.Read(text)).Should().Throw<TrafficFormatException>().WithMessage($"*{expected}*");
}
