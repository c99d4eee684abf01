namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>"Did you mean …?": the known name nearest to a mistyped one, by edit distance, case aside.</summary>
public static class Suggestion
{
    /// <summary>
    /// The candidate nearest to <paramref name="typed"/>, or null when none is near: at most a third
    /// of the typed name's letters (and at least two) differ, or one name contains the other.
    /// </summary>
    public static T? Nearest<T>(string typed, IEnumerable<T> candidates, Func<T, string> name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(name);
        var wanted = typed.Trim().ToUpperInvariant();
        if (wanted.Length == 0)
        {
            return null;
        }

        var limit = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Name: name(c).ToUpperInvariant()))
            .Select(c => (c.Candidate, Distance: Contains(c.Name, wanted) ? 0 : Distance(wanted, c.Name)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    // "ControlUrlBase" for ControlUrl, "Secret" for ClientSecret, "ApiUrl" for ApiBaseUrl (its letters
    // in order); a short word is contained in too many names.
    private static bool Contains(string known, string typed) =>
        Math.Min(known.Length, typed.Length) >= 5
        && (known.Contains(typed, StringComparison.Ordinal) || typed.Contains(known, StringComparison.Ordinal) || IsSubsequence(typed, known));

    private static bool IsSubsequence(string part, string whole)
    {
        var at = 0;
        foreach (var c in whole)
        {
            if (at < part.Length && part[at] == c)
            {
                at++;
            }
        }

        return at == part.Length;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
