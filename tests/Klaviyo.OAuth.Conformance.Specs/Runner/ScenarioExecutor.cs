using Io.Cucumber.Messages.Types;
using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>
/// Runs one scenario through Reqnroll's runtime, in the order generated code would: obtain a test
/// runner, switch it to this feature, initialise and start the scenario, run each step, collect the
/// errors, end the scenario and give the runner back. The runner is a local, so scenarios can run in parallel.
/// </summary>
public static class ScenarioExecutor
{
    public static async Task RunAsync(FeatureFile feature, ScenarioPlan scenario)
    {
        var featureInfo = feature.Info ?? throw new InvalidOperationException($"{feature.RelativePath} did not parse.");
        var runner = TestRunnerManager.GetTestRunnerForAssembly(typeof(ScenarioExecutor).Assembly, featureHint: featureInfo);
        var outcome = ScenarioOutcome.Pass;
        try
        {
            await SwitchToFeatureAsync(runner, featureInfo);
            runner.OnScenarioInitialize(scenario.ToScenarioInfo(), scenario.Rule);
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(TestContext.CurrentContext);
            try
            {
                await RunStepsAsync(runner, scenario);
                await runner.CollectScenarioErrorsAsync();
            }
            catch (System.Exception failure)
            {
                outcome = ScenarioOutcome.Of(
                    failure,
                    undefinedStep: runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.UndefinedStep,
                    warnOnly: scenario.AllTags.Any(RunnerSettings.WarnOnlyTags.Contains));
            }
            finally
            {
                await runner.OnScenarioEndAsync();
                ShowTrace(runner, outcome.Passed);
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }

        TestContext.Progress.WriteLine(outcome.ProgressLine(scenario.TestName));
        outcome.Report();
    }

    private static void ShowTrace(ITestRunner runner, bool passed)
    {
        if (runner.TestThreadContext.TestThreadContainer.Resolve<Reqnroll.Tracing.ITraceListener>() is NUnitTraceListener trace)
        {
            if (passed)
            {
                trace.Discard();
            }
            else
            {
                trace.Publish();
            }
        }
    }

    private static async Task SwitchToFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        System.Exception? endFailure = null;
        if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, featureInfo))
        {
            try
            {
                await runner.OnFeatureEndAsync();
            }
            catch (System.Exception e)
            {
                // The previous feature's [AfterFeature] hook failed; this scenario still starts its own feature.
                endFailure = e;
            }
        }

        if (runner.FeatureContext?.BeforeFeatureHookFailed == true)
        {
            throw new ReqnrollException("[BeforeFeature] hook failed: the feature's scenarios cannot run.");
        }

        if (runner.FeatureContext is null)
        {
            await runner.OnFeatureStartAsync(featureInfo);
        }

        if (endFailure is not null)
        {
            TestContext.Out.WriteLine($"Ending the previous feature failed: {endFailure.Message}");
        }
    }

    private static async Task RunStepsAsync(ITestRunner runner, ScenarioPlan scenario)
    {
        if (scenario.IsIgnored)
        {
            await runner.SkipScenarioAsync();
            return;
        }

        await runner.OnScenarioStartAsync();
        for (var i = 0; i < scenario.Pickle.Steps.Count; i++)
        {
            var step = scenario.Pickle.Steps[i];
            var keyword = scenario.Keywords[i];
            var docString = step.Argument?.DocString?.Content;
            var table = ToTable(step.Argument?.DataTable);
            var run = step.Type switch
            {
                PickleStepType.CONTEXT => runner.GivenAsync(step.Text, docString, table, keyword),
                PickleStepType.ACTION => runner.WhenAsync(step.Text, docString, table, keyword),
                PickleStepType.OUTCOME => runner.ThenAsync(step.Text, docString, table, keyword),
                _ when i == 0 => runner.GivenAsync(step.Text, docString, table, keyword),
                _ => runner.AndAsync(step.Text, docString, table, keyword),
            };
            await run;
        }
    }

    private static Table? ToTable(PickleTable? dataTable)
    {
        if (dataTable is null || dataTable.Rows.Count == 0)
        {
            return null;
        }

        var table = new Table(dataTable.Rows[0].Cells.Select(c => c.Value).ToArray());
        foreach (var row in dataTable.Rows.Skip(1))
        {
            table.AddRow(row.Cells.Select(c => c.Value).ToArray());
        }

        return table;
    }
}
