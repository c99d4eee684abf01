using System.Text;
using Klaviyo.OAuth.Emulator.Http;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

public class ClientAuthenticationTests
{
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [TestCase("Basic")]
    [TestCase("basic")]
    [TestCase("BASIC")]
    public void Basic_credentials_are_read_whatever_the_scheme_case(string scheme)
    {
        var credentials = ClientAuthentication.Parse([$"{scheme} {Base64("my-id:my:secret")}"]);

        credentials.Should().Be(new BasicCredentials("my-id", "my:secret", null));
    }

    [Test]
    public void No_header_is_a_failure() =>
        ClientAuthentication.Parse([]).Failure.Should().Be("no Authorization header");

    [Test]
    public void Two_headers_are_a_failure() =>
        ClientAuthentication.Parse(["Basic " + Base64("a:b"), "Basic " + Base64("a:b")]).Failure.Should().Be("more than one Authorization header");

    [Test]
    public void Credentials_that_are_not_base64_encoded_are_a_failure() =>
        ClientAuthentication.Parse(["Basic my-id:my-secret"]).Failure.Should().Be("credentials are not base64 encoded");

    [Test]
    public void Base64_without_a_colon_is_a_failure() =>
        ClientAuthentication.Parse(["Basic " + Base64("my-idmy-secret")]).Failure.Should().Be("decoded credentials have no ':' between id and secret");

    [TestCase("Bearer")]
    [TestCase("Digest")]
    [TestCase("Basic64")]
    public void A_scheme_other_than_Basic_is_a_failure(string scheme) =>
        ClientAuthentication.Parse([$"{scheme} {Base64("a:b")}"]).Failure.Should().Be("scheme is not Basic");

    [Test]
    public void Base64_credentials_without_any_scheme_are_a_failure() =>
        ClientAuthentication.Parse([Base64("a:b")]).Failure.Should().Be("scheme is not Basic");

    [Test]
    public void A_python_bytes_literal_is_a_failure() =>
        ClientAuthentication.Parse([$"Basic b'{Base64("a:b")}'"]).Failure.Should().Be("credentials are a bytes literal (b'...'), not a string");

    [Test]
    public void Base64_of_bytes_that_are_not_UTF8_is_a_failure() =>
        ClientAuthentication.Parse(["Basic " + Convert.ToBase64String([0xff, 0x3a, 0xfe])]).Failure.Should().Be("decoded credentials are not UTF-8");

    [Test]
    public void A_scheme_without_credentials_is_a_failure() =>
        ClientAuthentication.Parse(["Basic"]).Failure.Should().Be("credentials are not base64 encoded");
}
