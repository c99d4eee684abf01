using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>One NUnit fixture per feature file; one test per pickle (scenario or example row).</summary>
[TestFixtureSource(typeof(FeatureCatalog), nameof(FeatureCatalog.Fixtures))]
[Parallelizable(ParallelScope.All)]
public sealed class Feature(FeatureFile feature)
{
    [ScenarioTests]
    [System.Diagnostics.StackTraceHidden] // a broken file or unrunnable suite is explained by its message alone
    public Task Scenario(ScenarioPlan? scenario)
    {
        if (scenario is null)
        {
            Assert.Fail(feature.ParseError ?? $"{feature.RelativePath} has no scenario to run.");
        }

        return ScenarioExecutor.RunAsync(feature, scenario!);
    }

    [OneTimeTearDown]
    public Task ReleaseFeatureAsync() =>
        feature.Info is null ? Task.CompletedTask : TestRunnerManager.ReleaseFeatureAsync(feature.Info, typeof(Feature).Assembly);
}
