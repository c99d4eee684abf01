using System.Globalization;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Tests.Fuzz;

/// <summary>
/// One generated request: which route of which host, method, credentials, content type, body and
/// query, each picked from lists of the valid, the nearly valid and the hostile. <see cref="Salt"/>
/// seeds the details (random values, bytes), so a case is fully reproducible from its fields.
/// </summary>
internal sealed record FuzzCase(int Route, int Method, int Credentials, int ContentType, int Body, int Query, int Salt)
{
    public static readonly (string Host, string Path)[] Routes =
    [
        ("api", "oauth/token"), ("api", "oauth/revoke"), ("api", "api/accounts/"), ("api", "api/profiles/{id}"), ("api", "api/{junk}"),
        ("api", "__control"), ("api", "__control/clients"), ("api", "__control/accounts"), ("api", "__control/users"),
        ("api", "__control/sessions"), ("api", "__control/clients/{client}/uninstall"), ("api", "__control/clock/advance"),
        ("api", "__control/outages/{family}"), ("api", "__control/journal"), ("api", "__control/{junk}"), ("api", "{junk}"),
        ("api", "api/stubbed{junk}"), ("api", "__admin/mappings"), ("api", "__admin/{junk}"),
        ("web", "oauth/authorize"), ("web", "oauth/client"), ("web", "oauth/token"), ("web", "oauth/revoke"), ("web", "login"), ("web", "{junk}"),
    ];

    public static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public const int CredentialKinds = 7;

    public static readonly string?[] ContentTypes =
        [null, "application/x-www-form-urlencoded", "application/json", "text/plain;;;", "application/x-www-form-urlencoded; charset=latin1", "multipart/form-data; boundary=", "*/*"];

    public const int BodyKinds = 7;

    public const int QueryKinds = 6;

    private static readonly string[] FormNames =
    [
        "grant_type", "refresh_token", "code", "code_verifier", "redirect_uri", "client_id", "client_secret", "token", "token_type_hint",
        "response_type", "scope", "state", "code_challenge", "code_challenge_method", "decision", "", "%00", "a b",
    ];

    private static readonly string[] JsonNames = ["seconds", "clientId", "role", "accountId", "userId", "redirectUris", "allowlisted", "limit"];

    public string PathAndQuery(FuzzTarget target)
    {
        var random = new Random(Salt);
        var path = Routes[Route].Path
            .Replace("{id}", Junk(random), StringComparison.Ordinal)
            .Replace("{junk}", Junk(random), StringComparison.Ordinal)
            .Replace("{client}", random.Next(2) == 0 ? target.ClientId : Junk(random), StringComparison.Ordinal)
            .Replace("{family}", Pick(random, "token", "revoke", "authorize", "api", Junk(random)), StringComparison.Ordinal);
        var query = Query switch
        {
            0 => string.Empty,
            1 => "?=",
            2 => "?" + target.AuthorizeQuery,
            3 => "?" + Form(random, target),
            4 => "?a=%ZZ&=&&=x&b=%FF%FE&clientId=" + target.ClientId + "&limit=" + Number(random),
            _ => "?" + Junk(random) + "=" + Junk(random),
        };
        return path + query;
    }

    public string? Authorization(FuzzTarget target) => Credentials switch
    {
        0 => null,
        1 => target.Basic,
        2 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(target.ClientId + ":wrong")),
        3 => "Basic ====",
        4 => "Bearer " + target.AccessToken,
        5 => "Bearer",
        _ => new string(Junk(new Random(Salt + 1)).Where(char.IsAscii).ToArray()),
    };

    public byte[]? BodyBytes(FuzzTarget target)
    {
        var random = new Random(Salt + 2);
        return Body switch
        {
            0 => null,
            1 => Encoding.UTF8.GetBytes(Form(random, target)),
            2 => Encoding.UTF8.GetBytes(Json(random, target)),
            3 => Encoding.UTF8.GetBytes("grant_type=refresh_token&refresh_token=" + Uri.EscapeDataString(target.RefreshToken)),
            4 => Encoding.UTF8.GetBytes(target.AuthorizeQuery + "&decision=" + Pick(random, "allow", "deny", Junk(random))),
            5 => Bytes(random),
            _ => Encoding.UTF8.GetBytes("{\"seconds\":" + Number(random) + "}"),
        };
    }

    /// <summary>A cookie: the signed-in user's session, junk, or none.</summary>
    public string? Cookie(FuzzTarget target) => (Salt % 3) switch
    {
        0 => null,
        1 => target.Cookie,
        _ => "kl_session=; ;=;;x",
    };

    private static string Form(Random random, FuzzTarget target)
    {
        var pairs = Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
            FormNames[random.Next(FormNames.Length)] + "=" + Pick(random, target.ClientId, target.RefreshToken, "S256", "refresh_token", "authorization_code", Junk(random), "%", "%2"));
        return string.Join('&', pairs);
    }

    private static string Json(Random random, FuzzTarget target)
    {
        var members = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
            "\"" + JsonNames[random.Next(JsonNames.Length)] + "\":" + Pick(random, Number(random), "\"" + target.ClientId + "\"", "\"owner\\nforged\"", "null", "[1,\"a\"]", "true", "{}"));
        return random.Next(10) == 0 ? "[" + string.Join(',', members) + "]" : "{" + string.Join(',', members) + "}";
    }

    private static string Number(Random random) => Pick(
        random, "3e11", "-1", "0", "1e308", "86400", "1.5", "-0", "9007199254740993", "NaN", random.Next().ToString(CultureInfo.InvariantCulture));

    private static string Junk(Random random) => Pick(
        random, "x", "%00", "..%2F..%2F", "%E2%80%AE", "a%0Ab", new string('z', random.Next(1, 3000)), "%ZZ", "\u00e9", "null", "klr_" + random.Next());

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
