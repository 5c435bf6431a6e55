using ControlPlane.Pilot.Xds.Push;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Pilot.Tests.Xds.Push;

public sealed class PushDebouncerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    [Fact]
    public void Enqueue_BurstWithinTheQuietPeriod_PushesOnceWithEveryChangeMerged()
    {
        var clock = new FakeTimeProvider();
        var pushes = new List<string>();
        using var debouncer = new PushDebouncer<string>(clock, Quiet, Max, (a, b) => a is null ? b : a + "+" + b, pushes.Add);

        debouncer.Enqueue("a");
        clock.Advance(TimeSpan.FromMilliseconds(60));
        debouncer.Enqueue("b");
        clock.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Empty(pushes);

        clock.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal(["a+b"], pushes);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(pushes);
    }

    [Fact]
    public void Enqueue_ChangesThatNeverGoQuiet_PushAtTheMaximumDelay()
    {
        var clock = new FakeTimeProvider();
        var pushes = new List<string>();
        using var debouncer = new PushDebouncer<string>(clock, Quiet, Max, (a, b) => b, pushes.Add);

        for (var i = 0; i < 25; i++)
        {
            debouncer.Enqueue($"change{i}");
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        // 25 changes 50 ms apart never leave 100 ms of quiet: the first push comes at 1 s.
        Assert.Equal(["change19"], pushes);
        clock.Advance(Quiet);
        Assert.Equal(["change19", "change24"], pushes);
    }

    [Fact]
    public void Dispose_WithAPendingChange_NeverPushes()
    {
        var clock = new FakeTimeProvider();
        var pushes = new List<string>();
        var debouncer = new PushDebouncer<string>(clock, Quiet, Max, (a, b) => b, pushes.Add);

        debouncer.Enqueue("a");
        debouncer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(pushes);
    }
}
