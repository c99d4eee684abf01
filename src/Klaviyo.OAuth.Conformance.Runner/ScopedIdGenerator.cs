using Gherkin.CucumberMessages;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Gherkin's incrementing generator restarts for each file, but Reqnroll's reports need ids that are
/// unique across the whole run: every id carries a prefix that belongs to one feature file.
/// </summary>
internal sealed class ScopedIdGenerator(string scope) : IIdGenerator
{
    private int _next;

    public string GetNewId() => $"{scope}-{Interlocked.Increment(ref _next)}";
}
