using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Runs one scenario through Reqnroll's runtime, in the order generated code would: obtain a test
/// runner, switch it to this feature, initialise and start the scenario, run each step, collect the
/// errors, end the scenario and give the runner back. The runner is a local, so scenarios can run in parallel.
/// </summary>
public static class ScenarioExecutor
{
    /// <param name="testAssembly">The host's assembly: it names <see cref="RunnerPlugin"/>, and Reqnroll reads its bindings and reqnroll.json's binding assemblies for it.</param>
    public static async Task<FinishedScenario> RunAsync(Assembly testAssembly, FeatureFile feature, ScenarioPlan scenario)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        var featureInfo = feature.Info ?? throw new InvalidOperationException($"{feature.RelativePath} did not parse.");
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, featureHint: featureInfo);
        var outcome = FinishedScenario.Pass;
        var notes = string.Empty;
        try
        {
            notes = await SwitchToFeatureAsync(runner, featureInfo);
            runner.OnScenarioInitialize(scenario.ToScenarioInfo(), scenario.Rule);
            try
            {
                await RunStepsAsync(runner, scenario);
                await runner.CollectScenarioErrorsAsync();
            }
            catch (System.Exception failure)
            {
                var context = runner.TestThreadContext.TestThreadContainer.Resolve<RunContext>();
                outcome = FinishedScenario.Of(
                    FinishedScenario.StatusOf(runner.ScenarioContext.ScenarioExecutionStatus, failure),
                    failure,
                    warnOnly: context.IsWarnOnly(scenario),
                    expectedBecause: context.ExpectedFailureReason(scenario));
            }
            finally
            {
                await runner.OnScenarioEndAsync();
                var trace = runner.TestThreadContext.TestThreadContainer.Resolve<Reqnroll.Tracing.ITraceListener>() is ScenarioTraceListener listener
                    ? listener.Take()
                    : string.Empty;
                outcome = outcome.WithTrace(notes + trace);
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }

        return outcome;
    }

    private static async Task<string> SwitchToFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
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

        return endFailure is null ? string.Empty : $"Ending the previous feature failed: {endFailure.Message}{Environment.NewLine}";
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
