using ControlPlane.Shared.Config;
using ControlPlane.TestSupport;

namespace ControlPlane.Shared.Tests.Config;

public sealed class ConfigSnapshotFollowerTests
{
    [Fact]
    public void Follow_NothingLoadedYet_PassesNothingOn_ThenEveryNewSnapshotInOrder_UntilDisposed()
    {
        var source = new InMemoryConfigSource();
        var seen = new List<long>();

        var following = source.Follow(s => seen.Add(s.Version));
        Assert.Empty(seen);

        source.Publish();
        source.Publish();
        following.Dispose();
        source.Publish();

        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void Follow_ASourceAlreadyLoaded_PassesOnItsCurrentSnapshotAtOnce()
    {
        var source = new InMemoryConfigSource();
        source.Publish();
        source.Publish();
        var seen = new List<long>();

        using var following = source.Follow(s => seen.Add(s.Version));

        Assert.Equal([2], seen);
    }

    [Fact]
    public void Follow_ASnapshotPublishedWhileCurrentIsRead_IsPassedOn_AndTheOlderCurrentIsNot()
    {
        var source = new RacingConfigSource(stale: new ConfigSnapshot(1, []), published: new ConfigSnapshot(2, []));
        var seen = new List<long>();

        using var following = source.Follow(s => seen.Add(s.Version));

        Assert.Equal([2], seen);
    }
}
