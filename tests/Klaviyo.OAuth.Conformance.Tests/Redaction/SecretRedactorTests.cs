using Bogus;
using FluentAssertions;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Redaction;

public class SecretRedactorTests
{
    private readonly Faker faker = new();
    private SecretRedactor redactor = null!;

    [SetUp]
    public void NewRedactor() => redactor = new SecretRedactor();

    [TestCase("Authorization: Basic c2FtcGxlOnNlY3JldA==", "Authorization: Basic [REDACTED]")]
    [TestCase("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "Authorization: Bearer [REDACTED]")]
    [TestCase("authorization:  bearer abc", "authorization:  bearer [REDACTED]")]
    [TestCase("Authorization: c2FtcGxlOnNlY3JldA==", "Authorization: [REDACTED]")]
    [TestCase("Authorization: Basic b'c2FtcGxlOnNlY3JldA=='", "Authorization: Basic [REDACTED]")]
    [TestCase("\"Authorization\": \"Bearer at-91b2c3d4e5\"", "\"Authorization\": \"Bearer [REDACTED]\"")]
    public void Authorization_credentials_are_masked_and_the_scheme_kept(string text, string expected) =>
        redactor.Redact(text).Should().Be(expected);

    [TestCase("refresh_token=abc", "refresh_token=[REDACTED]")]
    [TestCase("grant_type=refresh_token&refresh_token=rt-1&client_secret=cs-2", "grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]")]
    [TestCase("https://app/cb?code=8fj3kd9&state=xyz", "https://app/cb?code=[REDACTED]&state=xyz")]
    [TestCase("code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "code_verifier=[REDACTED]")]
    [TestCase("token=rt-1&token_type_hint=refresh_token", "token=[REDACTED]&token_type_hint=refresh_token")]
    [TestCase("password=hunter22", "password=[REDACTED]")]
    public void Secret_form_and_query_parameters_are_masked(string text, string expected) =>
        redactor.Redact(text).Should().Be(expected);

    [TestCase("{\"access_token\":\"abc\"}", "{\"access_token\":\"[REDACTED]\"}")]
    [TestCase("{\"refresh_token\" : \"abc\", \"scope\":\"lists:read\"}", "{\"refresh_token\" : \"[REDACTED]\", \"scope\":\"lists:read\"}")]
    [TestCase("{\"client_secret\":\"a\\\"b\"}", "{\"client_secret\":\"[REDACTED]\"}")]
    [TestCase("body: {\\\"access_token\\\":\\\"abc\\\"}", "body: {\\\"access_token\\\":\\\"[REDACTED]\\\"}")]
    public void Secret_json_properties_are_masked(string text, string expected) =>
        redactor.Redact(text).Should().Be(expected);

    [Test]
    public void A_json_api_error_code_stays_readable_as_evidence()
    {
        const string body = "{\"errors\":[{\"status\":401,\"code\":\"not_authenticated\",\"title\":\"Authentication credentials were not provided.\"}]}";

        redactor.Redact(body).Should().Be(body);
    }

    [TestCase("Set-Cookie: session=s3cr3t-value; Path=/; HttpOnly", "Set-Cookie: session=[REDACTED]; Path=/; HttpOnly")]
    [TestCase("Cookie: a=1x2y3z; b=4u5v6w", "Cookie: a=[REDACTED]; b=[REDACTED]")]
    public void Cookie_values_are_masked(string text, string expected) =>
        redactor.Redact(text).Should().Be(expected);

    [TestCase("The prefix is Basic and is base64 encoded.")]
    [TestCase("Missing Bearer prefix in the header")]
    [TestCase("grant_type=authorization_code&redirect_uri=https%3A%2F%2Fapp%2Fcb")]
    [TestCase("Expected status 401 but was 200.")]
    public void Ordinary_text_is_left_alone(string text) =>
        redactor.Redact(text).Should().BeSameAs(text);

    [Test]
    public void A_registered_secret_is_masked_wherever_it_appears()
    {
        var secret = faker.Random.AlphaNumeric(24);
        redactor.Register(secret);

        redactor.Redact($"the server echoed {secret} in a header X-Debug: {secret}")
            .Should().Be("the server echoed [REDACTED] in a header X-Debug: [REDACTED]");
    }

    [Test]
    public void A_registered_secret_is_masked_in_its_url_encoded_form_too()
    {
        var secret = faker.Random.String2(10, "abc") + "/+=" + faker.Random.String2(10, "xyz");
        redactor.Register(secret);

        redactor.Redact("x=" + Uri.EscapeDataString(secret)).Should().Be("x=[REDACTED]");
    }

    [TestCase("truncated")]
    [TestCase("one character changed")]
    [TestCase("last twelve changed")]
    public void A_registered_token_cut_short_or_altered_is_masked_too(string variant)
    {
        var token = "klr_" + faker.Random.AlphaNumeric(32);
        redactor.Register(token);
        var middle = token.Length / 2;
        var derived = variant switch
        {
            "truncated" => token[..^5],
            "one character changed" => token[..middle] + (token[middle] == 'x' ? 'y' : 'x') + token[(middle + 1)..],
            _ => token[..^12] + new string('z', 12),
        };

        var redacted = redactor.Redact($"the target said: unknown token {derived}.");

        Fragments(token).Should().NotContain(fragment => redacted.Contains(fragment, StringComparison.Ordinal));
        redacted.Should().StartWith("the target said: unknown token [REDACTED]");
    }

    [TestCase("base64(id + secret)")]
    [TestCase("base64(id:secret + x)")]
    [TestCase("base64(unknown:secret)")]
    [TestCase("base64url(id:secret)")]
    [TestCase("base64(secret) glued to a word")]
    public void A_base64_run_that_decodes_to_a_registered_secret_is_masked(string variant)
    {
        var id = faker.Random.Hexadecimal(24, prefix: string.Empty);
        var secret = faker.Random.AlphaNumeric(40);
        redactor.RegisterClientCredentials(id, secret);
        static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        var encoded = variant switch
        {
            "base64(id + secret)" => Base64(id + secret),
            "base64(id:secret + x)" => Base64(id + ":" + secret + "x"),
            "base64(unknown:secret)" => Base64("unregistered-conformance-client:" + secret),
            "base64url(id:secret)" => Base64(id + ":" + secret + "??>>").TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            _ => "Basic" + Base64(secret),
        };

        var redacted = redactor.Redact($"<p>We could not read the credentials {encoded} you sent.</p>");

        redacted.Should().Be("<p>We could not read the credentials [REDACTED] you sent.</p>");
    }

    [Test]
    public void A_registered_secret_is_masked_json_and_html_escaped()
    {
        var secret = faker.Random.AlphaNumeric(12) + "+/<&>\"" + faker.Random.AlphaNumeric(12);
        redactor.Register(secret);
        var json = System.Text.Json.JsonSerializer.Serialize(new { echo = secret });
        var html = System.Net.WebUtility.HtmlEncode(secret);

        redactor.Redact(json).Should().Be("{\"echo\":\"[REDACTED]\"}");
        redactor.Redact($"<pre>{html}</pre>").Should().Be("<pre>[REDACTED]</pre>");
    }

    [Test]
    public void Base64_of_unrelated_text_is_left_alone()
    {
        redactor.Register(faker.Random.AlphaNumeric(32));
        var text = "Authorization header: " + Convert.ToBase64String("someone:else"u8.ToArray()) + " was not ours";

        redactor.Redact(text).Should().Be(text);
    }

    private static IEnumerable<string> Fragments(string secret) =>
        Enumerable.Range(0, secret.Length - SecretRedactor.FragmentLength + 1).Select(i => secret.Substring(i, SecretRedactor.FragmentLength));

    [Test]
    public void Values_shorter_than_six_characters_are_not_registered()
    {
        redactor.Register("abcde");

        redactor.Redact("abcde fghij").Should().Be("abcde fghij");
    }

    [Test]
    public void Client_credentials_are_masked_as_the_secret_and_as_basic_credentials()
    {
        var id = faker.Internet.UserName();
        var secret = faker.Random.AlphaNumeric(32);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(id + ":" + secret));
        redactor.RegisterClientCredentials(id, secret);

        var redacted = redactor.Redact($"sent {basic} with secret {secret}; X-Credentials: {basic}");

        redacted.Should().NotContain(secret).And.NotContain(basic).And.Contain("X-Credentials: [REDACTED]");
    }

    [Test]
    public void Generated_tokens_never_survive_in_a_request_and_response_dump()
    {
        for (var i = 0; i < 50; i++)
        {
            var access = faker.Random.Hash(40);
            var refresh = faker.Random.AlphaNumeric(faker.Random.Int(20, 64));
            var secret = faker.Internet.Password(faker.Random.Int(16, 40), memorable: false, regexPattern: "[A-Za-z0-9]");
            var dump =
                $"POST /oauth/token\nAuthorization: Basic {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("id:" + secret))}\n" +
                $"grant_type=refresh_token&refresh_token={refresh}\n\n200 {{\"access_token\":\"{access}\",\"refresh_token\":\"{refresh}\"}}\n" +
                $"GET /api/accounts\nAuthorization: Bearer {access}";

            var redacted = redactor.Redact(dump);

            redacted.Should().NotContain(access).And.NotContain(refresh);
        }
    }

    [Test]
    public void Redacting_twice_changes_nothing_more()
    {
        const string text = "Authorization: Bearer abc123def\nrefresh_token=xyz&code=9f8e7d\nSet-Cookie: s=v1v2v3";
        var once = redactor.Redact(text);

        redactor.Redact(once).Should().Be(once);
    }

    [Test]
    public void Registering_from_many_threads_loses_no_secret()
    {
        var secrets = Enumerable.Range(0, 200).Select(i => $"secret-{i:D4}-{faker.Random.AlphaNumeric(12)}").ToList();

        Parallel.ForEach(secrets, redactor.Register);

        var text = string.Join(' ', secrets);
        redactor.Redact(text).Split(' ').Should().OnlyContain(s => s == SecretRedactor.Mask);
    }

    [Test]
    public void Null_and_empty_text_become_empty()
    {
        redactor.Redact(null).Should().BeEmpty();
        redactor.Redact(string.Empty).Should().BeEmpty();
    }
}
