using Klaviyo.OAuth.Conformance.Runner;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Specs;

/// <summary>One NUnit fixture per feature file of features/, one test per scenario.</summary>
[TestFixtureSource(nameof(Fixtures))]
public sealed class Feature(FeatureFile feature) : FeatureTests(feature)
{
    public static IEnumerable<TestFixtureData> Fixtures => FeatureCatalog.FixturesFor(typeof(Feature).Assembly);
}

/// <summary>Reqnroll's test run around all features.</summary>
[SetUpFixture]
public sealed class Run : TestRun;
