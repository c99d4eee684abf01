using Klaviyo.OAuth.Conformance.Runner;
using NUnit.Framework;
using Reqnroll.Plugins;

[assembly: RuntimePlugin(typeof(RunnerPlugin))]

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Samples;

/// <summary>The runner's NUnit host over the sample features, as a suite's test assembly declares it.</summary>
[TestFixtureSource(nameof(Fixtures))]
public sealed class Feature(FeatureFile feature) : FeatureTests(feature)
{
    public static IEnumerable<TestFixtureData> Fixtures => FeatureCatalog.FixturesFor(typeof(Feature).Assembly);
}

[SetUpFixture]
public sealed class Run : TestRun;
