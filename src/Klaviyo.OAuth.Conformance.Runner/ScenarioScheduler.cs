namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Runs scenarios side by side, up to a bound, except that scenarios sharing something (a configured
/// token and its refresh budget, a rate-limit window, a clock, an outage) run one after another, in
/// the order given. A scenario starts as soon as a place is free and nothing it shares is held by a
/// running scenario or wanted by a waiting one before it; so at internet distance the run waits on
/// the longest chain of requests, not on the sum of them.
/// </summary>
public static class ScenarioScheduler
{
    /// <param name="scenarios">In catalogue order: the order sharing scenarios keep.</param>
    /// <param name="sharedBy">What a scenario shares with others (names compared ordinally); empty when nothing.</param>
    /// <param name="bound">How many run at once, at least 1.</param>
    /// <param name="run">Runs one scenario; a failure is the scenario's, so it should not throw. If it does, no further scenario starts, the running ones end, and the first failure is thrown.</param>
    public static async Task RunAsync<T>(IReadOnlyList<T> scenarios, Func<T, IReadOnlyCollection<string>> sharedBy, int bound, Func<T, Task> run)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(sharedBy);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var shared = scenarios.Select(s => sharedBy(s)).ToArray();
        var waiting = Enumerable.Range(0, scenarios.Count).ToList();
        var held = new HashSet<string>(StringComparer.Ordinal);
        var running = new Dictionary<Task, int>();
        Exception? failure = null;
        while (running.Count > 0 || (waiting.Count > 0 && failure is null))
        {
            while (failure is null && running.Count < bound && NextReady(waiting, shared, held) is { } next)
            {
                waiting.Remove(next);
                held.UnionWith(shared[next]);
                var scenario = scenarios[next];
                running.Add(Task.Run(() => run(scenario)), next);
            }

            var done = await Task.WhenAny(running.Keys);
            held.ExceptWith(shared[running[done]]);
            running.Remove(done);
            if (done.Exception is { } thrown)
            {
                failure ??= thrown.InnerException ?? thrown;
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>The first waiting scenario that shares nothing held now, nor anything with a scenario waiting before it.</summary>
    private static int? NextReady(List<int> waiting, IReadOnlyCollection<string>[] shared, HashSet<string> held)
    {
        var wantedBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in waiting)
        {
            if (!shared[candidate].Any(held.Contains) && !shared[candidate].Any(wantedBefore.Contains))
            {
                return candidate;
            }

            wantedBefore.UnionWith(shared[candidate]);
        }

        return null;
    }
}
