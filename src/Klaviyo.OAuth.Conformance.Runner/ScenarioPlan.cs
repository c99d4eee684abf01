using System.Collections.Specialized;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Everything needed to run one pickle (a scenario, or one example row of an outline) through Reqnroll,
/// worked out once at discovery time.
/// </summary>
public sealed class ScenarioPlan
{
    public required string TestName { get; init; }

    public required Pickle Pickle { get; init; }

    /// <summary>The keyword each pickle step was written with ("Given ", "And ", "* "), in step order.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>The pickle's position in its feature file, as Reqnroll's message tracking expects it.</summary>
    public required int PickleIndex { get; init; }

    public required string Description { get; init; }

    /// <summary>The scenario's own tags and its examples' tags, without '@'.</summary>
    public required string[] OwnTags { get; init; }

    /// <summary>Tags inherited from the feature and the rule, without '@'.</summary>
    public required string[] InheritedTags { get; init; }

    public required RuleInfo? Rule { get; init; }

    public required OrderedDictionary Arguments { get; init; }

    /// <summary>Every tag that applies, without '@': NUnit categories, and what a tag filter matches.</summary>
    public IEnumerable<string> AllTags => OwnTags.Concat(InheritedTags).Distinct(StringComparer.Ordinal);

    public bool IsIgnored => AllTags.Contains("ignore", StringComparer.OrdinalIgnoreCase);

    public ScenarioInfo ToScenarioInfo() =>
        new(Pickle.Name, Description, OwnTags, Arguments, InheritedTags, PickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => TestName;
}
