namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>Looks for secret values in the files a run wrote.</summary>
public static class OutputSearch
{
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
                else if (fragmentLength is { } length && secret.Length > length
                    && Enumerable.Range(0, secret.Length - length + 1).FirstOrDefault(i => text.Contains(secret.Substring(i, length), StringComparison.Ordinal), -1) is var at and >= 0)
                {
                    leaks.Add($"{Path.GetFileName(file)}: part of the {what} ({secret.Substring(at, length)})");
                }
            }
        }

        return leaks;
    }
}
