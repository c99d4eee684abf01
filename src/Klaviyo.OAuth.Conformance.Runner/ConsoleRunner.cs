using System.Reflection;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// The runner's console host, for a command-line tool: runs the features' scenarios that pass a
/// filter (features side by side, scenarios of one feature in order), prints one line per scenario
/// and the reason of each that did not pass, and ends Reqnroll's run so its reports are written.
/// </summary>
public static class ConsoleRunner
{
    /// <summary>Runs and returns whether the run passed: no scenario failed and no completion handler failed it.</summary>
    /// <param name="testAssembly">The host's assembly, which names <see cref="RunnerPlugin"/>.</param>
    public static async Task<bool> RunAsync(Assembly testAssembly, IReadOnlyList<FeatureFile> features, TagFilter filter, TextWriter output, int parallelism = 4)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        filter = ScenarioSelectionAttribute.Of(testAssembly).And(filter);
        var gate = new Lock();
        var failed = false;
        RunnerSettings.Progress = TextWriter.Synchronized(output);
        RunnerSettings.Features = features;

        foreach (var broken in features.Where(f => f.ParseError is not null))
        {
            output.WriteLine($"  ✗ {broken.RelativePath}: {broken.ParseError}");
            failed = true;
        }

        await TestRunnerManager.OnTestRunStartAsync(testAssembly);
        try
        {
            var runnable = features.Where(f => f.ParseError is null && f.Scenarios.Any(filter.Matches)).ToList();
            await Parallel.ForEachAsync(runnable, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, async (feature, _) =>
            {
                foreach (var scenario in feature.Scenarios.Where(filter.Matches))
                {
                    var outcome = await ScenarioExecutor.RunAsync(testAssembly, feature, scenario);
                    lock (gate)
                    {
                        output.WriteLine(outcome.ProgressLine(scenario.TestName));
                        if (!outcome.Passed && outcome.Kind != ScenarioOutcomeKind.Skipped && outcome.Failure is not null)
                        {
                            output.WriteLine(Indent(outcome.Failure.Message));
                        }

                        failed |= outcome.FailsRun;
                    }
                }

                await TestRunnerManager.ReleaseFeatureAsync(feature.Info!, testAssembly);
            });
        }
        finally
        {
            await TestRunnerManager.OnTestRunEndAsync(testAssembly);
        }

        var verdicts = await RunnerSettings.NotifyRunCompletedAsync(ReportsFolder.Path);
        return !failed && verdicts.Count == 0;
    }

    private static string Indent(string text) =>
        "      " + text.ReplaceLineEndings(Environment.NewLine + "      ");
}
