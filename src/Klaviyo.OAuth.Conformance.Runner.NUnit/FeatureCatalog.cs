using System.Reflection;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>The feature files copied next to the test assembly, loaded once per run.</summary>
public static class FeatureCatalog
{
    private static readonly Lazy<IReadOnlyList<FeatureFile>> Loaded = new(() =>
        FeatureFileLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "features")));

    public static IReadOnlyList<FeatureFile> Features => Loaded.Value;

    /// <summary>One fixture per feature file, or one unrunnable fixture when a precondition of <paramref name="testAssembly"/> fails.</summary>
    public static IEnumerable<TestFixtureData> FixturesFor(Assembly testAssembly) =>
        (UnmetPrecondition(testAssembly) is { } problem ? [FeatureFile.Unrunnable("The suite cannot run", problem, AllTags())] : Selected(testAssembly))
            .Select(feature => new TestFixtureData(feature) { TestName = feature.DisplayName });

    // A feature none of whose scenarios the assembly's selection includes is not a fixture at all.
    private static IEnumerable<FeatureFile> Selected(Assembly testAssembly)
    {
        var selection = ScenarioSelectionAttribute.Of(testAssembly, context: null);
        return Features.Where(feature => feature.ParseError is not null || feature.Scenarios.Any(selection.Matches));
    }

    private static string[] AllTags() =>
        Features.SelectMany(feature => feature.Scenarios).SelectMany(scenario => scenario.AllTags).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The first problem reported by the assembly's <see cref="IRunPrecondition"/>s, or null.</summary>
    public static string? UnmetPrecondition(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return testAssembly.GetCustomAttributes<RunPreconditionAttribute>()
            .Select(attribute => ((IRunPrecondition)Activator.CreateInstance(attribute.Precondition)!).Problem())
            .FirstOrDefault(problem => problem is not null);
    }
}
