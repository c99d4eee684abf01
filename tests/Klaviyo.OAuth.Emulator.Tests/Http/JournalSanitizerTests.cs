using System.Security.Cryptography;
using System.Text;
using Klaviyo.OAuth.Emulator.Http;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>The journal's exchange keeps what the conduct rules read and none of the secrets.</summary>
public class JournalSanitizerTests
{
    private static readonly Uri Api = new("http://127.0.0.1:5080/");
    private readonly JournalSanitizer _sanitizer = new();

    [Test]
    public void Secret_form_values_become_stable_fingerprints_and_the_rest_is_kept()
    {
        var first = Token("grant_type=refresh_token&refresh_token=rt-0123456789&client_id=app&client_secret=cs-abcdefghij");
        var again = Token("grant_type=refresh_token&refresh_token=rt-0123456789");
        var other = Token("grant_type=refresh_token&refresh_token=rt-9876543210");

        first.Body.Should().StartWith("grant_type=refresh_token&refresh_token=secret-").And.Contain("client_id=app&client_secret=secret-")
            .And.NotContain("rt-0123456789").And.NotContain("cs-abcdefghij");
        Value(first, "refresh_token").Should().Be(Value(again, "refresh_token")).And.NotBe(Value(other, "refresh_token"));
        new JournalSanitizer().Fingerprint("rt-0123456789").Should().NotBe(_sanitizer.Fingerprint("rt-0123456789"), "the key is per emulator");
    }

    [Test]
    public void Basic_credentials_keep_the_client_id_and_their_shape_but_not_the_secret()
    {
        var good = Header(Token("grant_type=refresh_token", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app:cs-abcdefghij"))));
        var bytes = Header(Token("grant_type=refresh_token", "Basic b'YXBwOmNz'"));
        var notBase64 = Header(Token("grant_type=refresh_token", "Basic app:cs-abcdefghij"));

        Encoding.UTF8.GetString(Convert.FromBase64String(good["Basic ".Length..])).Should().StartWith("app:secret-");
        bytes.Should().StartWith("Basic b'secret-").And.NotContain("YXBwOmNz");
        notBase64.Should().StartWith("Basic secret-").And.NotContain("cs-abcdefghij");
    }

    [Test]
    public void A_verifier_matches_its_challenge_after_sanitizing_exactly_when_it_did_before()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = _sanitizer.Sanitize(Api, new EmulatorRequest("GET", "/oauth/authorize", $"code_challenge={S256(verifier)}&code_challenge_method=S256", Headers(), []), EmulatorResponse.Empty(200, "page"));
        var challenge = Uri.UnescapeDataString(authorize.Url.Split("code_challenge=")[1].Split('&')[0]);

        var matching = Value(Token($"grant_type=authorization_code&code=c-0123456789&code_verifier={verifier}"), "code_verifier");
        var wrong = Value(Token($"grant_type=authorization_code&code_verifier={verifier.Replace(verifier[0], verifier[0] == 'a' ? 'b' : 'a')}"), "code_verifier");
        var tooShort = Value(Token("grant_type=authorization_code&code_verifier=short-verifier"), "code_verifier");

        S256(matching).Should().Be(challenge);
        matching.Should().NotBe(verifier).And.HaveLength(43);
        S256(wrong).Should().NotBe(challenge);
        tooShort.Should().HaveLength("short-verifier".Length).And.StartWith("#");
    }

    [Test]
    public void The_answer_keeps_its_error_code_and_retry_after_but_not_its_tokens()
    {
        var request = new EmulatorRequest("POST", "/oauth/token", string.Empty, Headers(("Content-Type", "application/x-www-form-urlencoded")), Encoding.UTF8.GetBytes("grant_type=refresh_token"));
        var refused = _sanitizer.Sanitize(Api, request, EmulatorResponse.Json(429, "{\"error\":\"rate_limit_exceeded\",\"detail\":\"x\"}", "rate limited").WithHeader("Retry-After", "60"));
        var issued = _sanitizer.Sanitize(Api, request, EmulatorResponse.Json(200, "{\"access_token\":\"at-0123456789\",\"refresh_token\":\"rt-1\"}", "issued"));

        refused.ResponseBody.Should().Be("{\"error\":\"rate_limit_exceeded\"}");
        refused.ResponseHeaders.Should().Contain(new KeyValuePair<string, string>("Retry-After", "60"));
        issued.ResponseBody.Should().BeNull();
        refused.Url.Should().Be("http://127.0.0.1:5080/oauth/token");
    }

    private JournalExchange Token(string form, string? authorization = null)
    {
        var headers = authorization is null
            ? Headers(("Content-Type", "application/x-www-form-urlencoded"))
            : Headers(("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", authorization));
        return _sanitizer.Sanitize(Api, new EmulatorRequest("POST", "/oauth/token", string.Empty, headers, Encoding.UTF8.GetBytes(form)), EmulatorResponse.Json(400, "{\"error\":\"invalid_grant\"}", "refused"));
    }

    private static string Header(JournalExchange exchange) => exchange.Headers.Single(h => h.Key == "Authorization").Value;

    private static string Value(JournalExchange exchange, string name) =>
        Uri.UnescapeDataString(exchange.Body!.Split('&').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..]);

    private static Dictionary<string, IReadOnlyList<string>> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => (IReadOnlyList<string>)[h.Value], StringComparer.OrdinalIgnoreCase);

    private static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
