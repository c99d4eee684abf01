using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Reporting.Drift;

/// <summary>
/// What a target answered to one request of a scenario, in the terms two runs can be compared by:
/// never a value that is a secret or changes on every run (tokens, ids, dates, codes, descriptions).
/// </summary>
/// <param name="Request">The method and path, ids in the path as <c>{id}</c>: "POST /oauth/token".</param>
/// <param name="Error">The OAuth <c>error</c>, or the first JSON:API error's <c>code</c>; null when the body has none.</param>
/// <param name="Fields">The top-level JSON field names of the body, sorted; empty when the body is not a JSON object.</param>
/// <param name="ContentType">The media type, without parameters; null when the answer had none.</param>
/// <param name="AccessToken">For an answer that carries an <c>access_token</c>: its shape, <c>jwt</c> or <c>opaque</c>.</param>
public sealed partial record Observation(
    string Request,
    int Status,
    string? Error,
    IReadOnlyList<string> Fields,
    string? ContentType,
    bool RetryAfter,
    bool WwwAuthenticate,
    string? AccessToken)
{
    /// <summary>The shape of a JWT access token (three base64url segments, a JSON header with "alg").</summary>
    public const string JwtShape = "jwt";

    /// <summary>The shape of any other access token (Klaviyo's older <c>kla_…</c>).</summary>
    public const string OpaqueShape = "opaque";

    /// <summary>The file name of the attachment that carries a scenario's observations in the Cucumber messages.</summary>
    public const string AttachmentFileName = "klaviyo-conformance.observations.json";

    // A field name or error code longer than this, or with other characters, is not a name but data.
    private const int MaxNameLength = 64;
    private const int MaxFields = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Observation Of(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var root = exchange.Json is { ValueKind: JsonValueKind.Object } json ? json : (JsonElement?)null;
        return new Observation(
            $"{exchange.Request.Method.Method} {PathOf(exchange.Request.Url)}",
            exchange.Status,
            Name(exchange.JsonString("error") ?? JsonApiCode(root)),
            root is { } body ? [.. body.EnumerateObject().Select(p => Name(p.Name)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxFields)] : [],
            exchange.MediaType is { Length: > 0 } media ? media : null,
            exchange.Header("Retry-After") is not null,
            exchange.Header("WWW-Authenticate") is not null,
            exchange.JsonString("access_token") is { } token ? ShapeOf(token) : null);
    }

    /// <summary><see cref="JwtShape"/> for a JWT (three base64url segments whose first is a JSON object naming an "alg"), else <see cref="OpaqueShape"/>.</summary>
    public static string ShapeOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Split('.') is not [var header, { Length: > 0 }, _] || !Base64Url.IsValid(header))
        {
            return OpaqueShape;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(header));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("alg", out _) ? JwtShape : OpaqueShape;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return OpaqueShape;
        }
    }

    /// <summary>A scenario's observations as the attachment carries them.</summary>
    public static string Serialize(IReadOnlyList<Observation> observations) => JsonSerializer.Serialize(observations, Json);

    /// <summary>The observations an attachment carries; null when it is not such a list.</summary>
    public static IReadOnlyList<Observation>? Parse(string json)
    {
        try
        {
            var read = JsonSerializer.Deserialize<List<Observation>>(json, Json);
            return read is not null && read.All(o => o is { Request: not null, Fields: not null }) ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What changed from <paramref name="before"/> to this answer of the same request, one phrase per change.</summary>
    public IReadOnlyList<string> ChangesSince(Observation before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<string>();
        if (before.Status != Status)
        {
            changes.Add($"status {before.Status} → {Status}");
        }

        if (!string.Equals(before.Error, Error, StringComparison.Ordinal))
        {
            changes.Add((before.Error, Error) switch
            {
                (null, { } now) => $"error `{now}` appeared",
                ({ } was, null) => $"error `{was}` is gone",
                _ => $"error `{before.Error}` → `{Error}`",
            });
        }

        changes.AddRange(Fields.Except(before.Fields, StringComparer.Ordinal).Select(f => $"body gained field `{f}`"));
        changes.AddRange(before.Fields.Except(Fields, StringComparer.Ordinal).Select(f => $"body lost field `{f}`"));
        if (!string.Equals(before.ContentType, ContentType, StringComparison.Ordinal))
        {
            changes.Add($"Content-Type {Shown(before.ContentType)} → {Shown(ContentType)}");
        }

        if (before.RetryAfter != RetryAfter)
        {
            changes.Add(RetryAfter ? "Retry-After appeared" : "Retry-After is gone");
        }

        if (before.WwwAuthenticate != WwwAuthenticate)
        {
            changes.Add(WwwAuthenticate ? "WWW-Authenticate appeared" : "WWW-Authenticate is gone");
        }

        if (!string.Equals(before.AccessToken, AccessToken, StringComparison.Ordinal))
        {
            changes.Add($"access token {before.AccessToken ?? "none"} → {AccessToken ?? "none"}");
        }

        return changes;
    }

    /// <summary>"401 invalid_client, application/json": the answer in brief.</summary>
    public string Brief() => $"{Status}{(Error is null ? string.Empty : " " + Error)}{(ContentType is null ? string.Empty : ", " + ContentType)}";

    private static string Shown(string? mediaType) => mediaType is null ? "none" : $"`{mediaType}`";

    private static string? JsonApiCode(JsonElement? root) =>
        root is { } body && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            && errors.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
            && first.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    // Names and codes only: anything longer or of other characters is data, and data may be a secret.
    private static string? Name(string? value) => value switch
    {
        null => null,
        _ when value.Length <= MaxNameLength && NameShape().IsMatch(value) => value,
        _ => "(not a name)",
    };

    // Path segments other than words ("oauth", "client-page") are ids, which change on every run.
    private static string PathOf(Uri url) =>
        "/" + string.Join('/', url.AbsolutePath.Split('/', StringSplitOptions.None).Skip(1).Select(s => s.Length == 0 || WordShape().IsMatch(s) ? s : "{id}"));

    [GeneratedRegex(@"^[A-Za-z0-9_.:$@\-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    [GeneratedRegex(@"^[a-z_\-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex WordShape();
}
