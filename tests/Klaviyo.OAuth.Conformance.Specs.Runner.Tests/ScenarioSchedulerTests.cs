using System.Collections.Concurrent;
using FluentAssertions;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

/// <summary>Scenarios side by side up to the bound; those that share something one after another, in order.</summary>
[TestFixture]
public sealed class ScenarioSchedulerTests
{
    private static readonly string[] Nothing = [];

    [Test]
    public async Task Scenarios_that_share_nothing_run_side_by_side_up_to_the_bound()
    {
        var log = new Log();

        await ScenarioScheduler.RunAsync(Enumerable.Range(0, 12).ToList(), _ => Nothing, bound: 4, i => log.RunAsync(i, TimeSpan.FromMilliseconds(60)));

        log.MostAtOnce.Should().Be(4, "twelve scenarios that share nothing fill every place, and no more");
        log.Ended.Should().HaveCount(12);
    }

    [Test]
    public async Task Scenarios_that_share_something_never_overlap_and_keep_their_order()
    {
        var log = new Log();
        string[] Shared(int i) => i % 3 == 0 ? ["the configured tokens"] : [];

        await ScenarioScheduler.RunAsync(Enumerable.Range(0, 12).ToList(), Shared, bound: 8, i => log.RunAsync(i, TimeSpan.FromMilliseconds(40)));

        var sharing = new[] { 0, 3, 6, 9 };
        log.MostAtOnceOf(sharing).Should().Be(1);
        log.Started.Where(sharing.Contains).Should().Equal(sharing);
        log.MostAtOnce.Should().BeGreaterThan(1, "the others run beside them");
    }

    [Test]
    public async Task Two_things_shared_pairwise_hold_each_scenario_back_only_for_what_it_shares()
    {
        var log = new Log();
        string[][] shares = [["a"], ["b"], ["a", "b"], ["a"], ["b"]];

        await ScenarioScheduler.RunAsync(Enumerable.Range(0, 5).ToList(), i => shares[i], bound: 5, i => log.RunAsync(i, TimeSpan.FromMilliseconds(40)));

        log.Started.Take(2).Should().BeEquivalentTo([0, 1], "the first of 'a' and the first of 'b' start together");
        log.Started.Should().ContainInOrder(0, 2, 3).And.ContainInOrder(1, 2, 4);
        log.MostAtOnceOf([0, 2, 3]).Should().Be(1);
        log.MostAtOnceOf([1, 2, 4]).Should().Be(1);
    }

    [Test]
    public async Task A_bound_of_one_runs_every_scenario_in_catalogue_order()
    {
        var log = new Log();

        await ScenarioScheduler.RunAsync(Enumerable.Range(0, 6).ToList(), _ => Nothing, bound: 1, i => log.RunAsync(i, TimeSpan.FromMilliseconds(5)));

        log.Started.Should().Equal(0, 1, 2, 3, 4, 5);
        log.MostAtOnce.Should().Be(1);
    }

    [Test]
    public async Task A_scenario_that_throws_stops_new_ones_lets_the_running_end_and_throws_its_failure()
    {
        var log = new Log();
        Task Run(int i) => i == 1 ? throw new InvalidOperationException("broken runner") : log.RunAsync(i, TimeSpan.FromMilliseconds(80));

        var act = () => ScenarioScheduler.RunAsync(Enumerable.Range(0, 10).ToList(), _ => Nothing, bound: 2, Run);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("broken runner");
        log.Ended.Should().Equal([0], "the scenario running beside it ended; none started after the failure");
    }

    [Test]
    public async Task No_scenarios_is_no_work_and_a_bound_below_one_is_refused()
    {
        await ScenarioScheduler.RunAsync(new List<int>(), _ => Nothing, 3, _ => throw new InvalidOperationException("never run"));
        var act = () => ScenarioScheduler.RunAsync([1], _ => Nothing, 0, _ => Task.CompletedTask);
        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>When each scenario started and ended, and how many ran at once.</summary>
    private sealed class Log
    {
        private readonly ConcurrentQueue<int> _started = new();
        private readonly ConcurrentQueue<int> _ended = new();
        private readonly ConcurrentDictionary<int, byte> _running = new();
        private readonly ConcurrentQueue<int[]> _snapshots = new();

        public IReadOnlyList<int> Started => [.. _started];

        public IReadOnlyList<int> Ended => [.. _ended];

        public int MostAtOnce => _snapshots.Max(s => s.Length);

        public int MostAtOnceOf(int[] these) => _snapshots.Max(s => s.Count(these.Contains));

        public async Task RunAsync(int scenario, TimeSpan duration)
        {
            _running[scenario] = 0;
            _started.Enqueue(scenario);
            _snapshots.Enqueue([.. _running.Keys]);
            await Task.Delay(duration);
            _running.TryRemove(scenario, out _);
            _ended.Enqueue(scenario);
        }
    }
}
