using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class AccessTokenShapeTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly AccessTokenClaims Claims =
        new("0123456789abcdef01234567", "acc_AbCdEfGhIjKl", "accounts:read", Now, Now.AddHours(1));

    [Test]
    public void A_JWT_access_token_looks_like_Klaviyos()
    {
        var token = new JwtAccessTokenShape().Create(Claims);

        token.Should().StartWith("eyJhbGci");
        token.Length.Should().BeInRange(500, 570, "Klaviyo's access tokens are about 536 characters");
        token.Split('.').Should().HaveCount(3);
    }

    [Test]
    public void A_JWT_access_token_carries_expiry_client_scope_and_a_unique_id()
    {
        var shape = new JwtAccessTokenShape();
        var claims = Decode(shape.Create(Claims));

        claims.GetProperty("exp").GetInt64().Should().Be(Now.AddHours(1).ToUnixTimeSeconds());
        claims.GetProperty("iat").GetInt64().Should().Be(Now.ToUnixTimeSeconds());
        claims.GetProperty("client_id").GetString().Should().Be(Claims.ClientId);
        claims.GetProperty("scope").GetString().Should().Be("accounts:read");
        claims.GetProperty("jti").GetString().Should().NotBe(Decode(shape.Create(Claims)).GetProperty("jti").GetString());
    }

    [Test]
    public void Two_emulators_sign_with_different_keys()
    {
        var token = new JwtAccessTokenShape().Create(Claims);
        var other = new JwtAccessTokenShape().Create(Claims with { });

        token.Split('.')[2].Should().NotBe(other.Split('.')[2]);
    }

    [TestCase("truncated by one")]
    [TestCase("truncated by five")]
    [TestCase("trailing character")]
    [TestCase("quoted")]
    [TestCase("two segments")]
    [TestCase("four segments")]
    [TestCase("header not JSON")]
    [TestCase("header without alg")]
    [TestCase("payload not an object")]
    [TestCase("padding")]
    [TestCase("whitespace")]
    public void A_JWT_with_characters_missing_or_added_is_not_well_formed(string variant)
    {
        var shape = new JwtAccessTokenShape();
        var token = shape.Create(Claims);
        var parts = token.Split('.');
        var broken = variant switch
        {
            "truncated by one" => token[..^1],
            "truncated by five" => token[..^5],
            "trailing character" => token + "x",
            "quoted" => $"\"{token}\"",
            "two segments" => parts[0] + "." + parts[1],
            "four segments" => token + "." + parts[2],
            "header not JSON" => $"{Encode("alg HS256")}.{parts[1]}.{parts[2]}",
            "header without alg" => $"{Encode("{\"typ\":\"JWT\"}")}.{parts[1]}.{parts[2]}",
            "payload not an object" => $"{parts[0]}.{Encode("[1]")}.{parts[2]}",
            "padding" => token + "=",
            _ => token[..10] + " " + token[10..],
        };

        shape.IsWellFormed(token).Should().BeTrue();
        shape.IsWellFormed(broken).Should().BeFalse();
    }

    [Test]
    public void A_JWT_signed_by_someone_else_is_well_formed_but_not_this_emulators()
    {
        var mine = new JwtAccessTokenShape();
        var theirs = new JwtAccessTokenShape().Create(Claims);

        mine.IsWellFormed(theirs).Should().BeTrue("whether it was issued is the registry's question (authentication_failed)");
    }

    [Test]
    public void The_opaque_format_stays_kla_and_40_characters()
    {
        var shape = new OpaqueAccessTokenShape();
        var token = shape.Create(Claims);

        token.Should().MatchRegex("^kla_[A-Za-z0-9_-]{40}$");
        shape.IsWellFormed(token).Should().BeTrue();
        shape.IsWellFormed(token[..^1]).Should().BeFalse();
        shape.IsWellFormed(new JwtAccessTokenShape().Create(Claims)).Should().BeFalse();
    }

    [Test]
    public void The_emulator_issues_JWTs_by_default_and_opaque_tokens_when_asked()
    {
        new ModelBuilder().Exchange().AccessToken!.Value.Should().StartWith("eyJhbGci");
        new ModelBuilder(new EmulatorOptions { AccessTokenFormat = AccessTokenFormat.Opaque }).Exchange().AccessToken!.Value.Should().StartWith("kla_");
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static JsonElement Decode(string token)
    {
        CanonicalBase64Url.TryDecode(token.Split('.')[1], out var payload).Should().BeTrue();
        return JsonDocument.Parse(payload).RootElement.Clone();
    }
}
