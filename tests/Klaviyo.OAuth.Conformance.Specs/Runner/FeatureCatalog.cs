using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>The feature files copied next to the test assembly, loaded once per run.</summary>
public static class FeatureCatalog
{
    private static readonly Lazy<IReadOnlyList<FeatureFile>> Loaded =
        new(() => FeatureFileLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "features")));

    public static IReadOnlyList<FeatureFile> Features => Loaded.Value;

    public static IEnumerable<TestFixtureData> Fixtures =>
        Features.Select(feature => new TestFixtureData(feature) { TestName = feature.DisplayName });
}
