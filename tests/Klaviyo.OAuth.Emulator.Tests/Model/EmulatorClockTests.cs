using Klaviyo.OAuth.Emulator.Model;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class EmulatorClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_clients_now_is_base_time_plus_global_offset_plus_its_own_offset()
    {
        var time = new FakeTimeProvider(Start);
        var clock = new EmulatorClock(time);

        clock.Advance(TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromMinutes(5), "client-a");
        time.Advance(TimeSpan.FromSeconds(7));

        clock.Now("client-a").Should().Be(Start + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(7));
        clock.Now("client-b").Should().Be(Start + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(7));
        clock.Now().Should().Be(Start + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(7));
    }

    [Test]
    public void Advancing_returns_the_new_now_as_seen_by_that_client()
    {
        var clock = new EmulatorClock(new FakeTimeProvider(Start));

        clock.Advance(TimeSpan.FromDays(2), "client-a").Should().Be(Start + TimeSpan.FromDays(2));
    }

    [Test]
    public void Time_cannot_move_backwards()
    {
        var clock = new EmulatorClock(new FakeTimeProvider(Start));

        var act = () => clock.Advance(TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
