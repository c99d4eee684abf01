namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>
/// What a test assembly tells the runner, usually from a [BeforeTestRun] hook: which tags make a
/// failure advisory, and what to do once Reqnroll has written its reports.
/// </summary>
public static class RunnerSettings
{
    private static readonly List<Func<string, Task>> CompletionHandlers = [];

    /// <summary>Scenarios carrying one of these tags report a failure as an NUnit warning, which does not fail the run.</summary>
    public static IReadOnlySet<string> WarnOnlyTags { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs after the test run has ended and Reqnroll's formatters have closed their files; receives the reports folder.</summary>
    public static void OnRunCompleted(Func<string, Task> handler)
    {
        lock (CompletionHandlers)
        {
            CompletionHandlers.Add(handler);
        }
    }

    internal static async Task NotifyRunCompletedAsync(string reportsFolder)
    {
        Func<string, Task>[] handlers;
        lock (CompletionHandlers)
        {
            handlers = [.. CompletionHandlers];
            CompletionHandlers.Clear();
        }

        foreach (var handler in handlers)
        {
            await handler(reportsFolder);
        }
    }
}
