using System.Text;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Traffic;

public class HarReaderTests
{
    private const string Har = """
        {"log":{"version":"1.2","entries":[
          {"startedDateTime":"2026-11-29T10:00:00.000Z",
           "request":{"method":"POST","url":"https://a.klaviyo.com/oauth/token",
             "headers":[{"name":":authority","value":"a.klaviyo.com"},{"name":"Authorization","value":"Basic a"},{"name":"Content-Type","value":"application/x-www-form-urlencoded; charset=utf-8"}],
             "postData":{"mimeType":"application/x-www-form-urlencoded","text":"grant_type=refresh_token"}},
           "response":{"status":400,"headers":[{"name":"Content-Type","value":"application/json"}],
             "content":{"mimeType":"application/json","text":"eyJlcnJvciI6ImludmFsaWRfZ3JhbnQifQ==","encoding":"base64"}}},
          {"request":{"method":"GET","url":"data:image/png;base64,AAAA","headers":[]},"response":{"status":200}},
          {"request":{"method":"get","url":"https://www.klaviyo.com/oauth/authorize?client_id=x","headers":[]},"response":{"status":0}}
        ]}}
        """;

    [Test]
    public void Entries_read_back_with_time_headers_bodies_and_responses()
    {
        var exchanges = HarReader.Read(Har);

        exchanges.Should().HaveCount(2, "the data: URL is the browser's, not the app's");
        var token = exchanges[0];
        token.Time.Should().Be(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        token.RequestHeaders.Select(h => h.Key).Should().Equal("Authorization", "Content-Type");
        token.ContentType.Should().Be("application/x-www-form-urlencoded");
        token.RequestBodyText.Should().Be("grant_type=refresh_token");
        token.Response!.Status.Should().Be(400);
        token.Response.BodyText.Should().Be("{\"error\":\"invalid_grant\"}", "a base64 body is decoded");
        exchanges[1].Method.Should().Be("GET");
        exchanges[1].Response.Should().BeNull("status 0 means the browser got no answer");
    }

    [Test]
    public void Form_params_without_text_become_a_form_body() =>
        HarReader.Read("""{"log":{"entries":[{"request":{"method":"POST","url":"https://a.klaviyo.com/oauth/token","postData":{"params":[{"name":"grant_type","value":"refresh token"}]}}}]}}""")
            .Single().RequestBodyText.Should().Be("grant_type=refresh%20token");

    [Test]
    public void A_binary_body_keeps_its_bytes()
    {
        var bytes = new byte[] { 0, 255, 1, 254 };
        var har = """{"log":{"entries":[{"request":{"method":"POST","url":"https://a.klaviyo.com/x","postData":{"text":""" + "\"" + Convert.ToBase64String(bytes) + "\"" + ""","encoding":"base64"}}}]}}""";

        HarReader.Read(har).Single().RequestBody.ToArray().Should().Equal(bytes);
    }

    [TestCase("""{"log":{"entries":[{"request":{"method":"POST",""", "not valid JSON*truncated")]
    [TestCase("""{"log":{"entries":[}}""", "not valid JSON")]
    [TestCase("""{"entries":[]}""", "not a HAR file")]
    [TestCase("""{"log":{"entries":[{"response":{}}]}}""", "entry 1 has no request")]
    [TestCase("""{"log":{"entries":[{"request":{"method":"GET","url":"/relative"}}]}}""", "not an absolute URL")]
    [TestCase("""{"log":{"entries":[{"request":{"method":"POST","url":"https://a.klaviyo.com/","postData":{"text":"%%%","encoding":"base64"}}}]}}""", "not valid base64")]
    public void Broken_hars_get_one_clear_message(string har, string expected) =>
        FluentActions.Invoking(() => HarReader.Read(har, "capture.har"))
            .Should().Throw<TrafficFormatException>().WithMessage($"capture.har*{expected}*");

    [Test]
    public void Deeply_nested_json_is_refused_not_recursed_into()
    {
        var deep = new StringBuilder().Insert(0, "[", 10_000).ToString();

        FluentActions.Invoking(() => HarReader.Read(deep)).Should().Throw<TrafficFormatException>();
    }
}
