using System.Reflection;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// The runner's console host, for a command-line tool: runs the features' scenarios that pass a
/// filter (features side by side, scenarios of one feature in order), tells the host's
/// <see cref="IRunProgress"/> each outcome, and ends Reqnroll's run so its reports are written.
/// </summary>
public static class ConsoleRunner
{
    /// <summary>Runs and returns whether the run passed: no scenario failed and no completion handler failed it.</summary>
    /// <param name="testAssembly">The host's assembly, which names <see cref="RunnerPlugin"/>.</param>
    /// <param name="context">The run's context: its feature files, reports folder, progress and the host's services.</param>
    public static async Task<bool> RunAsync(Assembly testAssembly, RunContext context, TagFilter filter, int parallelism = 4)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var features = context.Features;
        var progress = context.Progress;
        filter = ScenarioSelectionAttribute.Of(testAssembly, context).And(filter);
        var failed = 0;

        foreach (var broken in features.Where(f => f.ParseError is not null))
        {
            progress.Note($"  ✗ {broken.RelativePath}: {broken.ParseError}");
            failed = 1;
        }

        var runnable = features.Where(f => f.ParseError is null && f.Scenarios.Any(filter.Matches)).ToList();
        progress.RunStarting(runnable.Sum(f => f.Scenarios.Count(filter.Matches)));
        await StartQuietlyAsync(testAssembly, context);
        try
        {
            await Parallel.ForEachAsync(runnable, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, async (feature, _) =>
            {
                foreach (var scenario in feature.Scenarios.Where(filter.Matches))
                {
                    var outcome = await ScenarioExecutor.RunAsync(testAssembly, feature, scenario);
                    progress.ScenarioFinished(scenario.TestName, outcome);
                    if (outcome.FailsRun)
                    {
                        Interlocked.Exchange(ref failed, 1);
                    }
                }

                await TestRunnerManager.ReleaseFeatureAsync(feature.Info!, testAssembly);
            });
        }
        finally
        {
            await TestRunnerManager.OnTestRunEndAsync(testAssembly);
        }

        var verdicts = await context.NotifyRunCompletedAsync();
        return failed == 0 && verdicts.Count == 0;
    }

    /// <summary>
    /// Starts Reqnroll's run. While it builds its global container, Reqnroll's default trace listener
    /// writes its plugin-loading and configuration lines ("-> Loading plugin …") to the console; they
    /// mean nothing to a person running the suite, so standard output is silenced for that moment only.
    /// The host's progress writes to the writer it was given, not through <see cref="Console.Out"/>.
    /// </summary>
    private static async Task StartQuietlyAsync(Assembly testAssembly, RunContext context)
    {
        var standardOutput = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await context.StartTestRunAsync(testAssembly);
        }
        finally
        {
            Console.SetOut(standardOutput);
        }
    }
}
