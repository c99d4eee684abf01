using FluentAssertions;
using Klaviyo.OAuth.Conformance.Targets;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Targets;

public class RefreshBudgetTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private FakeTimeProvider time = null!;
    private RefreshBudget budget = null!;

    [SetUp]
    public void FreshBudget()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        budget = new RefreshBudget(time);
    }

    [Test]
    public async Task Nine_refreshes_go_at_once_and_the_tenth_waits_until_the_minute_has_passed()
    {
        var nine = Enumerable.Range(0, 9).Select(_ => budget.AcquireAsync("klr_one")).ToArray();
        var tenth = budget.AcquireAsync("klr_one");

        nine.Should().OnlyContain(t => t.IsCompletedSuccessfully);
        await Task.Delay(Settle);
        tenth.IsCompleted.Should().BeFalse();

        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(Settle);
        tenth.IsCompleted.Should().BeFalse("a second of the minute is left");

        time.Advance(TimeSpan.FromSeconds(1));
        await tenth.WaitAsync(Patience);
    }

    [Test]
    public async Task The_window_rolls_so_a_slot_frees_when_the_oldest_use_is_a_minute_old()
    {
        for (var i = 0; i < 5; i++)
        {
            await budget.AcquireAsync("klr_one");
        }

        time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 4; i++)
        {
            await budget.AcquireAsync("klr_one");
        }

        var tenth = budget.AcquireAsync("klr_one");
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(Settle);
        tenth.IsCompleted.Should().BeFalse();

        time.Advance(TimeSpan.FromSeconds(1));
        await tenth.WaitAsync(Patience);
        var sixth = budget.AcquireAsync("klr_one");
        sixth.IsCompletedSuccessfully.Should().BeTrue("the first five uses all left the window together");
    }

    [Test]
    public async Task Each_refresh_token_has_its_own_budget()
    {
        for (var i = 0; i < 9; i++)
        {
            await budget.AcquireAsync("klr_one");
        }

        budget.AcquireAsync("klr_two").IsCompletedSuccessfully.Should().BeTrue();
        var tenthOfOne = budget.AcquireAsync("klr_one");
        await Task.Delay(Settle);
        tenthOfOne.IsCompleted.Should().BeFalse();
    }

    [Test]
    public async Task Callers_at_once_never_get_more_than_the_limit()
    {
        var callers = Enumerable.Range(0, 40).Select(_ => Task.Run(() => budget.AcquireAsync("klr_one"))).ToArray();
        await Task.Delay(Settle * 4);

        callers.Count(t => t.IsCompletedSuccessfully).Should().Be(9);

        time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(Settle * 4);
        callers.Count(t => t.IsCompletedSuccessfully).Should().Be(18);
    }

    [Test]
    public async Task A_waiting_caller_can_be_cancelled()
    {
        for (var i = 0; i < 9; i++)
        {
            await budget.AcquireAsync("klr_one");
        }

        using var cancel = new CancellationTokenSource();
        var waiting = budget.AcquireAsync("klr_one", cancel.Token);
        await cancel.CancelAsync();

        await waiting.Invoking(t => t.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public void A_smaller_limit_and_window_can_be_chosen()
    {
        var strict = new RefreshBudget(time, limit: 2, window: TimeSpan.FromSeconds(10));

        strict.AcquireAsync("klr_one").IsCompletedSuccessfully.Should().BeTrue();
        strict.AcquireAsync("klr_one").IsCompletedSuccessfully.Should().BeTrue();
        strict.AcquireAsync("klr_one").IsCompleted.Should().BeFalse();
    }
}
