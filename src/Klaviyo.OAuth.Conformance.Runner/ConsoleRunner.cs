using System.Reflection;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// The runner's console host, for a command-line tool: runs the features' scenarios that pass a
/// filter (side by side up to a bound, those that share something one after another: see
/// <see cref="ScenarioScheduler"/>), tells the host's
/// <see cref="IRunProgress"/> each outcome, and ends Reqnroll's run so its reports are written.
/// </summary>
public static class ConsoleRunner
{
    /// <summary>Runs and returns whether the run passed: no scenario failed and no completion handler failed it.</summary>
    /// <param name="testAssembly">The host's assembly, which names <see cref="RunnerPlugin"/> (and any <see cref="ScenarioSharingAttribute"/>).</param>
    /// <param name="context">The run's context: its feature files, reports folder, progress and the host's services.</param>
    /// <param name="parallelism">How many scenarios run at once.</param>
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
        context.Selected = [.. runnable.SelectMany(f => f.Scenarios.Where(filter.Matches))];
        progress.RunStarting(context.Selected.Count);
        await StartQuietlyAsync(testAssembly, context);
        try
        {
            // Each scenario takes a runner of its own, so two of one feature may run at once; a feature is
            // released when its last scenario has ended.
            var scenarios = runnable.SelectMany(f => f.Scenarios.Where(filter.Matches).Select(s => (Feature: f, Scenario: s))).ToList();
            var left = runnable.ToDictionary(f => f, f => f.Scenarios.Count(filter.Matches));
            var sharedBy = ScenarioSharingAttribute.Of(testAssembly, context);
            await ScenarioScheduler.RunAsync(scenarios, s => sharedBy(s.Scenario), Math.Max(1, parallelism), async s =>
            {
                var outcome = await ScenarioExecutor.RunAsync(testAssembly, s.Feature, s.Scenario);
                progress.ScenarioFinished(s.Scenario.TestName, outcome);
                if (outcome.FailsRun)
                {
                    Interlocked.Exchange(ref failed, 1);
                }

                bool lastOfFeature;
                lock (left)
                {
                    lastOfFeature = --left[s.Feature] == 0;
                }

                if (lastOfFeature)
                {
                    await TestRunnerManager.ReleaseFeatureAsync(s.Feature.Info!, testAssembly);
                }
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
