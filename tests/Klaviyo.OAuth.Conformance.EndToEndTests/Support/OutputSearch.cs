namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>Looks for secret values in the files a run wrote.</summary>
public static class OutputSearch
{
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
}
