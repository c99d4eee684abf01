using System.Text;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Guide.Redaction;

/// <summary>
/// Masks secrets in any text before it reaches a console, a log or a report: Basic and Bearer
/// credentials, secret-named form, query and JSON parameters, cookies, and literal values
/// registered at run time. Each secret becomes exactly <see cref="Mask"/>; the rest of the text is kept.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    /// <summary>Registered values shorter than this are ignored: masking them would shred ordinary text.</summary>
    public const int MinimumSecretLength = 6;

    private const string SecretNames = "client_secret|access_token|refresh_token|code_verifier|code|token|password";

    private readonly Lock gate = new();

    // Replaced as a whole under the lock, read without it: readers always see a complete snapshot.
    private volatile string[] literals = [];

    /// <summary>Masks <paramref name="secret"/> (and its URL-encoded form) wherever it appears from now on.</summary>
    public void Register(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        // Drivers register what they hold on every use: an already-known value costs a lookup, not a re-sort.
        if (Array.IndexOf(literals, secret) >= 0)
        {
            return;
        }

        var encoded = Uri.EscapeDataString(secret);
        lock (gate)
        {
            var next = new HashSet<string>(literals, StringComparer.Ordinal) { secret, encoded };
            // Longest first, so a value containing another is masked whole.
            literals = [.. next.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
        }
    }

    /// <summary>Registers a client secret and its Basic credentials, base64(<paramref name="clientId"/>:<paramref name="clientSecret"/>).</summary>
    public void RegisterClientCredentials(string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        Register(clientSecret);
        Register(Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + clientSecret)));
    }

    /// <summary>The text with every secret masked; the same instance when there was nothing to mask.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text;
        foreach (var literal in literals)
        {
            if (result.Contains(literal, StringComparison.Ordinal))
            {
                result = result.Replace(literal, Mask, StringComparison.Ordinal);
            }
        }

        result = ReplaceChanged(AuthorizationHeader(), result, m => m.Groups["lead"].Value + Mask);
        result = ReplaceChanged(CredentialAfterScheme(), result, MaskCredential);
        result = ReplaceChanged(FormParameter(), result, MaskNamedValue);
        result = ReplaceChanged(JsonProperty(), result, MaskNamedValue);
        result = ReplaceChanged(EscapedJsonProperty(), result, MaskNamedValue);
        result = ReplaceChanged(CookieHeader(), result, MaskCookies);
        return result;
    }

    /// <summary>
    /// The text redacted, then cut to <paramref name="maxLength"/> characters and marked
    /// "… [truncated N chars]". Redacting first matters: a cut through a secret would leave half
    /// of it that no longer matches, and would show.
    /// </summary>
    public string RedactAndShorten(string? text, int maxLength)
    {
        var redacted = Redact(text);
        var limit = Math.Max(0, maxLength);
        return redacted.Length <= limit
            ? redacted
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{redacted.AsSpan(0, limit)}… [truncated {redacted.Length - limit} chars]");
    }

    // Regex.Replace with an evaluator builds a new string for every match, even one left as it was;
    // this builds one only when a match really changes, so clean text costs no allocation.
    private static string ReplaceChanged(Regex regex, string input, Func<Match, string> replacement)
    {
        StringBuilder? output = null;
        var copied = 0;
        for (var match = regex.Match(input); match.Success; match = match.NextMatch())
        {
            var replaced = replacement(match);
            if (string.Equals(replaced, match.Value, StringComparison.Ordinal))
            {
                continue;
            }

            output ??= new StringBuilder(input.Length);
            output.Append(input, copied, match.Index - copied).Append(replaced);
            copied = match.Index + match.Length;
        }

        return output is null ? input : output.Append(input, copied, input.Length - copied).ToString();
    }

    private static string MaskCredential(Match match)
    {
        var value = match.Groups["value"].Value;
        return LooksLikeCredential(value)
            ? match.Value[..(match.Groups["value"].Index - match.Index)] + Mask
            : match.Value;
    }

    // "Basic and", "Bearer prefix": words of prose, not credentials. Credentials have digits or
    // symbols, or are long; the bytes-literal form b'…' always counts.
    private static bool LooksLikeCredential(string value) =>
        value.StartsWith("b'", StringComparison.Ordinal)
        || value.StartsWith("b\"", StringComparison.Ordinal)
        || (value.Length >= MinimumSecretLength && (value.Length >= 16 || !value.All(char.IsAsciiLetter)));

    // "code" is also the name of JSON:API error codes (errors[0].code "not_authenticated"): those
    // are evidence, not secrets, so a snake_case word stays readable.
    private static string MaskNamedValue(Match match)
    {
        var value = match.Groups["value"].Value;
        if (value.Length == 0 || value == Mask)
        {
            return match.Value;
        }

        if (string.Equals(match.Groups["name"].Value, "code", StringComparison.OrdinalIgnoreCase) && IsSnakeCaseWord().IsMatch(value))
        {
            return match.Value;
        }

        var valueGroup = match.Groups["value"];
        var start = valueGroup.Index - match.Index;
        return string.Concat(match.Value.AsSpan(0, start), Mask, match.Value.AsSpan(start + valueGroup.Length));
    }

    private static string MaskCookies(Match match)
    {
        var isSetCookie = match.Groups["header"].Value.StartsWith("Set", StringComparison.OrdinalIgnoreCase);
        var pairs = match.Groups["value"].Value.Split(';');
        for (var i = 0; i < pairs.Length; i++)
        {
            // Set-Cookie: only the first pair is the cookie; the rest are attributes (Path, Expires…).
            if (isSetCookie && i > 0)
            {
                break;
            }

            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0 && equals < pairs[i].Length - 1)
            {
                pairs[i] = pairs[i][..(equals + 1)] + Mask;
            }
        }

        return match.Groups["lead"].Value + string.Join(';', pairs);
    }

    // Authorization: Basic xxx / Bearer xxx / a bare value: keep the header name and the scheme.
    [GeneratedRegex(@"(?<lead>\b(?:Proxy-)?Authorization[ \t]*:[ \t]*(?>(?:(?:Basic|Bearer|Digest|Token|Negotiate)[ \t]+)?))(?<value>(?!\[REDACTED\])\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\b(?:Basic|Bearer)[ \t]+(?<value>b'[^'\r\n]*'|b""[^""\r\n]*""|[A-Za-z0-9\-._~+/]+=*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialAfterScheme();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?<name>" + SecretNames + @")=(?<value>[^&\s""'<>,;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormParameter();

    [GeneratedRegex(@"""(?<name>" + SecretNames + @")""\s*:\s*""(?<value>(?:[^""\\]|\\.)*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonProperty();

    // JSON quoted inside a JSON string or a C# literal: \"access_token\":\"…\"
    [GeneratedRegex(@"\\""(?<name>" + SecretNames + @")\\""\s*:\s*\\""(?<value>(?:(?!\\"").)*)\\""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscapedJsonProperty();

    [GeneratedRegex(@"(?<lead>\b(?<header>Set-Cookie|Cookie)[ \t]*:[ \t]*)(?<value>[^\r\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieHeader();

    [GeneratedRegex(@"^[a-z]+(?:_[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IsSnakeCaseWord();
}
