namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// What a run's bindings tell the runner, usually from a [BeforeTestRun] hook (which tags make a
/// failure advisory, what to do once Reqnroll has written its reports), and what the host tells
/// the bindings (where progress lines go).
/// </summary>
public static class RunnerSettings
{
    private static readonly List<Func<string, Task<string?>>> CompletionHandlers = [];

    /// <summary>Scenarios carrying one of these tags report a failure as a warning, which does not fail the run.</summary>
    public static IReadOnlySet<string> WarnOnlyTags { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The feature files of this run, as the host loaded them (all of them, whatever a filter selects).</summary>
    public static IReadOnlyList<FeatureFile> Features { get; set; } = [];

    /// <summary>Where bindings write lines meant for the person running the suite, and where the host shows the run; set by the host.</summary>
    public static IRunProgress Progress { get; set; } = new TextRunProgress(Console.Out);

    /// <summary>
    /// Runs after the test run has ended and Reqnroll's formatters have closed their files; receives
    /// the reports folder and returns why the run fails, or null.
    /// </summary>
    public static void OnRunCompleted(Func<string, Task<string?>> handler)
    {
        lock (CompletionHandlers)
        {
            CompletionHandlers.Add(handler);
        }
    }

    /// <summary>Runs the completion handlers once; returns the reasons the run fails (none when it passes).</summary>
    public static async Task<IReadOnlyList<string>> NotifyRunCompletedAsync(string reportsFolder)
    {
        Func<string, Task<string?>>[] handlers;
        lock (CompletionHandlers)
        {
            handlers = [.. CompletionHandlers];
            CompletionHandlers.Clear();
        }

        var failures = new List<string>();
        foreach (var handler in handlers)
        {
            if (await handler(reportsFolder) is { } failure)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }
}
