using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// One NUnit fixture per feature file; one test per pickle (scenario or example row). A test
/// assembly derives one class from it, with its fixture source:
/// <c>[TestFixtureSource(nameof(Fixtures))] public sealed class Feature(FeatureFile f) : FeatureTests(f) { static IEnumerable&lt;TestFixtureData&gt; Fixtures => FeatureCatalog.FixturesFor(typeof(Feature).Assembly); }</c>
/// </summary>
[Parallelizable(ParallelScope.All)]
public abstract class FeatureTests(FeatureFile feature)
{
    [ScenarioTests]
    [System.Diagnostics.StackTraceHidden] // a broken file or unrunnable suite is explained by its message alone
    public async Task Scenario(ScenarioPlan? scenario)
    {
        if (scenario is null)
        {
            Assert.Fail(feature.ParseError ?? $"{feature.RelativePath} has no scenario to run.");
            return;
        }

        var outcome = await ScenarioExecutor.RunAsync(GetType().Assembly, feature, scenario);
        if (outcome.Trace.Length > 0)
        {
            TestContext.Out.Write(outcome.Trace);
        }

        outcome.Report();
    }

    [OneTimeTearDown]
    public Task ReleaseFeatureAsync() =>
        feature.Info is null ? Task.CompletedTask : TestRunnerManager.ReleaseFeatureAsync(feature.Info, GetType().Assembly);
}
