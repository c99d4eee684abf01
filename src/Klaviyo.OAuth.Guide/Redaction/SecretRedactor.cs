using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Klaviyo.OAuth.Guide.Redaction;

/// <summary>
/// Masks secrets in any text before it reaches a console, a log or a report. By value, wherever it
/// appears: each value registered at run time, also in every form a target may echo it in: URL-,
/// JSON- and HTML-escaped, cut short or with a character changed (any run of at least
/// <see cref="FragmentLength"/> characters that begins or ends like it, where those characters look
/// random rather than like words), and inside any base64 or base64url run that decodes to text
/// holding it. By pattern, only in the fields that carry credentials: the Authorization header,
/// secret-named form, query and JSON parameters, cookies; never in free text, so tags, ids, step
/// text and the guide's wording stay whole. Each secret becomes exactly <see cref="Mask"/>; the
/// rest of the text is kept.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    /// <summary>Registered values shorter than this are ignored: masking them would shred ordinary text.</summary>
    public const int MinimumSecretLength = 6;

    /// <summary>
    /// A run this long that a registered value begins or ends with counts as that value, cut or
    /// altered: 12 random characters are as good as the whole for anyone holding the rest.
    /// </summary>
    public const int FragmentLength = 12;

    // base64 of the shortest registered value (6 bytes) is 8 characters.
    private const int MinimumBase64Run = 8;

    private const string SecretNames = "client_secret|access_token|refresh_token|code_verifier|code|token|password";

    private readonly Lock gate = new();

    // Every registered form, under the lock. Registering is frequent (drivers register what they hold
    // on every use) and redacting rare, so the search structure is built when a redaction needs it,
    // not on each registration: a run registers hundreds of values.
    private readonly HashSet<string> literals = new(StringComparer.Ordinal);

    // Built from literals on demand and replaced as a whole, read without the lock: readers always see a
    // complete snapshot. Null when a registration came after the last build.
    private volatile Registered? snapshot = Registered.None;

    /// <summary>Masks <paramref name="secret"/> and its derived forms (see the class) wherever they appear from now on.</summary>
    public void Register(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (gate)
        {
            // An already-known value costs a lookup.
            if (literals.Contains(secret))
            {
                return;
            }

            literals.UnionWith(EscapedForms(secret));
            snapshot = null;
        }
    }

    private Registered Current()
    {
        if (snapshot is { } current)
        {
            return current;
        }

        lock (gate)
        {
            // Longest first, so a value containing another is masked whole.
            return snapshot ??= new Registered([.. literals.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)]);
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

        var known = Current();
        return MaskFields(known.Literals.Length == 0 ? text : MaskRegistered(text, known));
    }

    // The patterns, on the fields that carry credentials only.
    private static string MaskFields(string text)
    {
        var result = ReplaceChanged(AuthorizationHeader(), text, MaskCredential);
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

    // The forms a target may echo a value in besides the raw one; the set drops duplicates.
    private static IEnumerable<string> EscapedForms(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return JavaScriptEncoder.Default.Encode(secret);
        yield return secret.Replace("/", "\\/", StringComparison.Ordinal);
        yield return WebUtility.HtmlEncode(secret);
    }

    // Marks every character that belongs to a registered value, a fragment of one, or a base64 run
    // hiding one; then masks each marked stretch once.
    private static string MaskRegistered(string text, Registered known)
    {
        bool[]? marked = null;
        known.MarkIn(text, ref marked);
        MarkBase64Runs(text, known, ref marked);
        if (marked is null)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!marked[i])
            {
                output.Append(text[i]);
            }
            else if (i == 0 || !marked[i - 1])
            {
                output.Append(Mask);
            }
        }

        return output.ToString();
    }

    // Any run of base64 or base64url characters that decodes (from any of its first four positions,
    // as a run may start mid-word) to text holding a registered value, or a fragment of one.
    private static void MarkBase64Runs(string text, Registered known, ref bool[]? marked)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsBase64Character(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= MinimumBase64Run && Base64RunHidesSecret(text.AsSpan(start, i - start), known))
            {
                var end = i;
                while (end < text.Length && text[end] == '=')
                {
                    end++;
                }

                Mark(ref marked, text.Length, start, end - start);
            }

            start = -1;
        }
    }

    // A request encoded whole (an echo, a log) hides its Authorization header or secret parameters.
    private static bool CarriesCredentialField(string decoded) =>
        decoded.AsSpan().IndexOfAny(':', '=') >= 0 && !ReferenceEquals(MaskFields(decoded), decoded);

    private static bool IsBase64Character(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';

    private static bool Base64RunHidesSecret(ReadOnlySpan<char> run, Registered known)
    {
        Span<char> normal = run.Length <= 1024 ? stackalloc char[run.Length] : new char[run.Length];
        for (var i = 0; i < run.Length; i++)
        {
            normal[i] = run[i] switch { '-' => '+', '_' => '/', var c => c };
        }

        var bytes = ArrayPool<byte>.Shared.Rent((run.Length / 4 * 3) + 3);
        try
        {
            for (var offset = 0; offset < 4 && run.Length - offset >= MinimumBase64Run; offset++)
            {
                var usable = (run.Length - offset) / 4 * 4;
                if (Convert.TryFromBase64Chars(normal.Slice(offset, usable), bytes, out var written)
                    && Encoding.Latin1.GetString(bytes, 0, written) is var decoded
                    && (known.Holds(decoded) || CarriesCredentialField(decoded)))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// One snapshot of what is registered: the values longest first, and for finding all of them in
    /// one vectorized pass whatever their number, their first and last fragments (short values whole).
    /// </summary>
    private sealed class Registered
    {
        public static readonly Registered None = new([]);

        private readonly Dictionary<string, List<(string Value, bool IsHead)>> _byFragment = new(StringComparer.Ordinal);
        private readonly string[] _whole;
        private readonly SearchValues<string> _anchors;

        public Registered(string[] literals)
        {
            Literals = literals;
            var whole = new List<string>();
            foreach (var literal in literals)
            {
                // Short values, and values no fragment of which is distinctive, are found whole only.
                var head = literal.Length >= FragmentLength && AddIfDistinctive(literal[..FragmentLength], (literal, true));
                var tail = literal.Length >= FragmentLength && AddIfDistinctive(literal[^FragmentLength..], (literal, false));
                if (!head && !tail)
                {
                    whole.Add(literal);
                }
            }

            _whole = [.. whole];
            _anchors = SearchValues.Create([.. _byFragment.Keys, .. _whole], StringComparison.Ordinal);
        }

        public string[] Literals { get; }

        /// <summary>Whether <paramref name="text"/> holds a registered value or a fragment of one.</summary>
        public bool Holds(string text)
        {
            bool[]? marked = null;
            MarkIn(text, ref marked);
            return marked is not null;
        }

        // Each whole value; and, for a value longer than a fragment, any run that starts with its first
        // FragmentLength characters or ends with its last ones, extended as far as it keeps matching.
        public void MarkIn(string text, ref bool[]? marked)
        {
            var lookup = _byFragment.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var at = text.AsSpan().IndexOfAny(_anchors); at >= 0;)
            {
                if (at + FragmentLength <= text.Length && lookup.TryGetValue(text.AsSpan(at, FragmentLength), out var values))
                {
                    foreach (var (value, isHead) in values)
                    {
                        var (start, length) = isHead ? ExtendForward(text, at, value) : ExtendBackward(text, at, value);
                        Mark(ref marked, text.Length, start, length);
                    }
                }

                foreach (var value in _whole)
                {
                    if (text.AsSpan(at).StartsWith(value, StringComparison.Ordinal))
                    {
                        Mark(ref marked, text.Length, at, value.Length);
                    }
                }

                var next = text.AsSpan(at + 1).IndexOfAny(_anchors);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        private static (int Start, int Length) ExtendForward(string text, int at, string value)
        {
            var length = FragmentLength;
            while (length < value.Length && at + length < text.Length && text[at + length] == value[length])
            {
                length++;
            }

            return (at, length);
        }

        private static (int Start, int Length) ExtendBackward(string text, int at, string value)
        {
            var length = FragmentLength;
            while (length < value.Length && at - (length - FragmentLength) - 1 >= 0
                && text[at - (length - FragmentLength) - 1] == value[value.Length - length - 1])
            {
                length++;
            }

            return (at + FragmentLength - length, length);
        }

        // "never-issued-refresh-token" ends like the tag @needs-refresh-token: a fragment of lower-case
        // words joined by hyphens, dots or spaces is no evidence of the value; one of random characters is.
        private bool AddIfDistinctive(string fragment, (string Value, bool IsHead) entry)
        {
            if (WordsOnly().IsMatch(fragment))
            {
                return false;
            }

            Add(fragment, entry);
            return true;
        }

        private void Add(string fragment, (string Value, bool IsHead) entry)
        {
            if (!_byFragment.TryGetValue(fragment, out var entries))
            {
                _byFragment[fragment] = entries = [];
            }

            entries.Add(entry);
        }
    }

    private static void Mark(ref bool[]? marked, int textLength, int start, int length)
    {
        marked ??= new bool[textLength];
        marked.AsSpan(start, length).Fill(true);
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

    // A value that ends its line is the header's whole value, whatever it looks like; one followed by
    // more words is prose unless it looks like a credential.
    private static string MaskCredential(Match match)
    {
        var value = match.Groups["value"].Value;
        return match.Groups["end"].Success || LooksLikeCredential(value)
            ? match.Value[..(match.Groups["value"].Index - match.Index)] + Mask
            : match.Value;
    }

    // "Authorization: Bearer with a valid token": words of prose, not credentials. Credentials have
    // digits or symbols, or are long; the bytes-literal form b'…' always counts.
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

    // The Authorization header, as a header line, a curl -H, or a JSON or dictionary key
    // ("Authorization": "Bearer …"): the scheme kept, a credential-shaped value (RFC 6750's b64token,
    // or a bytes literal) masked. "Authorization: Basic <base64 …>" in prose has no such value.
    [GeneratedRegex(@"\b(?:Proxy-)?Authorization[""']?[ \t]*:[ \t]*[""']?(?>(?:(?:Basic|Bearer|Digest|Token|Negotiate)[ \t]+)?)(?<value>b'[^'\r\n]*'|b""[^""\r\n]*""|(?!\[REDACTED\])[A-Za-z0-9\-._~+/]+=*)(?=(?<end>[ \t]*(?:\r?\n|$))|[\s""',;&)])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?<name>" + SecretNames + @")=(?<value>[^&\s""'<>,;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormParameter();

    [GeneratedRegex(@"""(?<name>" + SecretNames + @")""\s*:\s*""(?<value>(?:[^""\\]|\\.)*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonProperty();

    // JSON quoted inside a JSON string or a C# literal: \"access_token\":\"…\"
    [GeneratedRegex(@"\\""(?<name>" + SecretNames + @")\\""\s*:\s*\\""(?<value>(?:(?!\\"").)*)\\""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscapedJsonProperty();

    [GeneratedRegex(@"(?<lead>\b(?<header>Set-Cookie|Cookie)[ \t]*:[ \t]*)(?<value>[^\r\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieHeader();

    [GeneratedRegex(@"^[a-z_]*[-. ][a-z_\-. ]*$", RegexOptions.CultureInvariant)]
    private static partial Regex WordsOnly();

    [GeneratedRegex(@"^[a-z]+(?:_[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IsSnakeCaseWord();
}
