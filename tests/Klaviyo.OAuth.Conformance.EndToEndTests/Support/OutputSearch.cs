namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>Looks for secret values in the files a run wrote.</summary>
public static partial class OutputSearch
{
    /// <summary>
    /// Every place where a mask is glued to a word, as "file: text": part of a tag, an id or a
    /// step's text taken for a secret (@needs[REDACTED]).
    /// </summary>
    public static IReadOnlyList<string> WordsCutByAMask(IEnumerable<string> files) =>
        files.SelectMany(file => CutWord().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetFileName(file)}: {m.Value}")).ToList();

    /// <summary>Every tag of the catalogue's feature files run against a target (not the engines' own, tagged @engine), as written there.</summary>
    public static HashSet<string> FeatureTags() =>
        Directory.EnumerateFiles(Path.Combine(BuiltArtifacts.RepositoryRoot, "features"), "*.feature", SearchOption.AllDirectories)
            .Select(File.ReadAllLines)
            .Where(lines => !lines.Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("@engine")))
            .SelectMany(lines => lines)
            .Where(line => line.TrimStart().StartsWith('@'))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The forms a secret may be derived in besides itself: URL-encoded, base64url.</summary>
    public static Dictionary<string, string> EscapedForms(IReadOnlyDictionary<string, string> secrets) =>
        secrets.SelectMany(s => new[]
            {
                (What: s.Key + ", URL-encoded", Value: Uri.EscapeDataString(s.Value), Original: s.Value),
                (What: s.Key + ", base64url", Value: Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s.Value)).TrimEnd('=').Replace('+', '-').Replace('/', '_'), Original: s.Value),
            })
            .Where(s => s.Value != s.Original)
            .ToDictionary(s => s.What, s => s.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"@[A-Za-z0-9.\-]+\[REDACTED\]|[A-Za-z]-\[REDACTED\]|\[REDACTED\]-[a-z]")]
    private static partial System.Text.RegularExpressions.Regex CutWord();

    /// <summary>
    /// The part of a secret whose fragments give it away. For a JWT that is its signature: the header
    /// is the same in every token and the claims are base64 of public values (the client id shows up,
    /// base64-encoded, in Basic credentials too), so their fragments prove nothing.
    /// </summary>
    private static string Unguessable(string secret) => secret.Split('.') is [_, _, var signature] ? signature : secret;

    /// <summary>
    /// Every place a secret shows in the files, as "file: what". With <paramref name="fragmentLength"/>
    /// set, any run of that many characters of a secret counts too — a truncated or altered token is
    /// still a leak.
    /// </summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<string> files, IReadOnlyDictionary<string, string> secrets, int? fragmentLength = null)
    {
        var leaks = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var (what, secret) in secrets)
            {
                if (string.IsNullOrEmpty(secret))
                {
                    continue;
                }

                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{Path.GetFileName(file)}: the {what}");
                }
                else if (fragmentLength is { } length && Unguessable(secret) is var part && part.Length > length
                    && Enumerable.Range(0, part.Length - length + 1).FirstOrDefault(i => text.Contains(part.Substring(i, length), StringComparison.Ordinal), -1) is var at and >= 0)
                {
                    leaks.Add($"{Path.GetFileName(file)}: part of the {what} ({part.Substring(at, length)})");
                }
            }
        }

        return leaks;
    }

    /// <summary>
    /// Every base64 or base64url run (16 characters or more) in the files that decodes, from any
    /// of its first four positions, to text holding <paramref name="fragmentLength"/> characters of a secret.
    /// </summary>
    public static IReadOnlyList<string> Base64Leaks(IEnumerable<string> files, IReadOnlyDictionary<string, string> secrets, int fragmentLength)
    {
        var fragments = secrets
            .SelectMany(s => Enumerable.Range(0, Math.Max(0, s.Value.Length - fragmentLength + 1)).Select(i => (What: s.Key, Fragment: s.Value.Substring(i, fragmentLength))))
            .ToList();
        var leaks = new List<string>();
        foreach (var file in files)
        {
            foreach (System.Text.RegularExpressions.Match run in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "[A-Za-z0-9+/_-]{16,}"))
            {
                var normal = run.Value.Replace('-', '+').Replace('_', '/');
                for (var offset = 0; offset < 4; offset++)
                {
                    var usable = (normal.Length - offset) / 4 * 4;
                    var bytes = new byte[usable];
                    if (!Convert.TryFromBase64String(normal.Substring(offset, usable), bytes, out var written))
                    {
                        continue;
                    }

                    var decoded = System.Text.Encoding.Latin1.GetString(bytes, 0, written);
                    if (fragments.FirstOrDefault(f => decoded.Contains(f.Fragment, StringComparison.Ordinal)) is { What: not null } hit)
                    {
                        leaks.Add($"{Path.GetFileName(file)}: base64 holding part of the {hit.What} ({run.Value[..Math.Min(40, run.Value.Length)]}…)");
                        break;
                    }
                }
            }
        }

        return leaks;
    }
}
