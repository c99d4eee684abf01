namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// A scenario filter over tags in the syntax of <c>dotnet test --filter</c>: <c>Category=documented</c>,
/// <c>Category!=needs-clock</c>, <c>Category~token.</c> (contains), <c>Category!~pkce</c>, joined with <c>&amp;</c> and <c>|</c> (and binds tighter), grouped
/// with parentheses. Tags are compared without '@', ignoring case.
/// </summary>
public sealed class TagFilter
{
    private readonly Func<IReadOnlySet<string>, bool> _matches;

    private TagFilter(Func<IReadOnlySet<string>, bool> matches, string text, IReadOnlyList<string> namedTags)
    {
        _matches = matches;
        Text = text;
        NamedTags = namedTags;
    }

    public static TagFilter All { get; } = new(_ => true, string.Empty, []);

    public string Text { get; }

    /// <summary>The whole tags the filter names (<c>Category=tag</c>, <c>Category!=tag</c>), without '@'; <c>~</c> compares parts of tags, which are not listed.</summary>
    public IReadOnlyList<string> NamedTags { get; }

    public bool Matches(ScenarioPlan scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Matches(scenario.AllTags);
    }

    /// <summary>Whether a scenario with these tags (with or without '@') passes the filter.</summary>
    public bool Matches(IEnumerable<string> tags) =>
        _matches(tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Scenarios that pass both filters.</summary>
    public TagFilter And(TagFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, All))
        {
            return this;
        }

        return ReferenceEquals(this, All) ? other : new TagFilter(tags => _matches(tags) && other._matches(tags), $"({Text})&({other.Text})", [.. NamedTags, .. other.NamedTags]);
    }

    /// <summary>Parses a filter; throws <see cref="FormatException"/> with a message for people.</summary>
    public static TagFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var parser = new Parser(text);
        var matches = parser.Or();
        parser.ExpectEnd();
        return new TagFilter(matches, text, parser.NamedTags);
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public List<string> NamedTags { get; } = [];

        public Func<IReadOnlySet<string>, bool> Or()
        {
            var left = And();
            while (Take('|'))
            {
                var l = left;
                var right = And();
                left = tags => l(tags) || right(tags);
            }

            return left;
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_at < text.Length)
            {
                throw Problem($"unexpected '{text[_at]}'");
            }
        }

        private Func<IReadOnlySet<string>, bool> And()
        {
            var left = Term();
            while (Take('&'))
            {
                var l = left;
                var right = Term();
                left = tags => l(tags) && right(tags);
            }

            return left;
        }

        private Func<IReadOnlySet<string>, bool> Term()
        {
            if (Take('('))
            {
                var inner = Or();
                if (!Take(')'))
                {
                    throw Problem("a '(' is not closed");
                }

                return inner;
            }

            var property = Word();
            if (!string.Equals(property, "Category", StringComparison.OrdinalIgnoreCase))
            {
                throw Problem(property.Length == 0 ? "expected Category=<tag> or Category!=<tag>" : $"'{property}' is not supported; filter on Category (a scenario's tags)");
            }

            var negated = Take('!');
            bool contains;
            if (Take('='))
            {
                contains = false;
            }
            else if (Take('~'))
            {
                contains = true;
            }
            else
            {
                throw Problem("expected =, !=, ~ or !~ after Category");
            }

            var tag = Word().TrimStart('@');
            if (tag.Length == 0)
            {
                throw Problem("a tag is missing after Category");
            }

            if (!contains)
            {
                NamedTags.Add(tag);
            }

            Func<IReadOnlySet<string>, bool> has = contains
                ? tags => tags.Any(t => t.Contains(tag, StringComparison.OrdinalIgnoreCase))
                : tags => tags.Contains(tag);
            return negated ? tags => !has(tags) : has;
        }

        private string Word()
        {
            SkipSpaces();
            var start = _at;
            while (_at < text.Length && text[_at] is not ('&' or '|' or '(' or ')' or '=' or '!' or '~') && !char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }

            return text[start.._at];
        }

        private bool Take(char symbol)
        {
            SkipSpaces();
            if (_at < text.Length && text[_at] == symbol)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private FormatException Problem(string what) =>
            new($"The filter '{text}' cannot be read at position {_at + 1}: {what}. Use the syntax of dotnet test --filter, e.g. \"Category=documented&Category!=needs-clock\".");
    }
}
