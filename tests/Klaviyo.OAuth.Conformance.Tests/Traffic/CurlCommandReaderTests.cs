using System.Text;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Traffic;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Traffic;

public class CurlCommandReaderTests
{
    [Test]
    public void A_copied_token_request_reads_back_with_method_headers_and_body()
    {
        const string command = """
            curl 'https://a.klaviyo.com/oauth/token' \
              -X 'POST' \
              -H 'Authorization: Basic Y2xpZW50OnNlY3JldA==' \
              -H "Content-Type: application/x-www-form-urlencoded" \
              --data-raw 'grant_type=refresh_token&refresh_token=abc'
            """;

        var exchange = CurlCommandReader.Read(command).Should().ContainSingle().Subject;

        exchange.Method.Should().Be("POST");
        exchange.Url.Should().Be(new Uri("https://a.klaviyo.com/oauth/token"));
        exchange.RequestHeaders.First("authorization").Should().Be("Basic Y2xpZW50OnNlY3JldA==");
        exchange.ContentType.Should().Be("application/x-www-form-urlencoded");
        exchange.RequestBodyText.Should().Be("grant_type=refresh_token&refresh_token=abc");
    }

    [Test]
    public void Ansi_c_quotes_and_attached_short_options_are_understood()
    {
        var exchange = CurlCommandReader.Read("curl -XPOST $'https://a.klaviyo.com/oauth/token' -H$'X-Note: it\\'s\\x21' --data $'a=1\\nb=2'").Single();

        exchange.Method.Should().Be("POST");
        exchange.RequestHeaders.First("X-Note").Should().Be("it's!");
        exchange.RequestBodyText.Should().Be("a=1b=2", "curl drops newlines from -d bodies");
    }

    [Test]
    public void User_option_becomes_basic_credentials_and_data_defaults_to_a_form_post()
    {
        var exchange = CurlCommandReader.Read("curl -u client:secret https://a.klaviyo.com/oauth/token -d grant_type=authorization_code -d code=x").Single();

        exchange.Method.Should().Be("POST");
        exchange.RequestHeaders.First("Authorization").Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client:secret")));
        exchange.ContentType.Should().Be("application/x-www-form-urlencoded");
        exchange.RequestBodyText.Should().Be("grant_type=authorization_code&code=x");
    }

    [Test]
    public void Data_urlencode_encodes_the_value_only()
    {
        var exchange = CurlCommandReader.Read("curl --url https://a.klaviyo.com/oauth/token --data-urlencode 'code_verifier=a b+c' --data-urlencode '=x&y'").Single();

        exchange.RequestBodyText.Should().Be("code_verifier=a%20b%2Bc&x%26y");
    }

    [Test]
    public void Repeated_headers_are_all_kept()
    {
        var exchange = CurlCommandReader.Read("curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic a' -H 'authorization: Basic b'").Single();

        exchange.RequestHeaders.GetValues("AUTHORIZATION").Should().Equal("Basic a", "Basic b");
    }

    [Test]
    public void Several_commands_give_several_exchanges()
    {
        var exchanges = CurlCommandReader.Read("curl https://a.klaviyo.com/a ;\ncurl https://a.klaviyo.com/b");

        exchanges.Select(e => e.Url.AbsolutePath).Should().Equal("/a", "/b");
    }

    [TestCase("curl 'https://a.klaviyo.com/oauth/token", "never closed")]
    [TestCase("curl -H", "has no value")]
    [TestCase("curl -X POST", "no URL")]
    [TestCase("curl https://a.klaviyo.com/oauth/token -d @body.txt", "from a file")]
    [TestCase("curl https://a.klaviyo.com/oauth/token -F a=b", "multipart")]
    [TestCase("curl https://a.klaviyo.com/ \n wget x", "not a curl command")]
    public void Broken_command_lines_get_one_clear_message(string command, string expected)
    {
        var read = () => CurlCommandReader.Read(command);

        read.Should().Throw<TrafficFormatException>().WithMessage($"*{expected}*");
    }
}
