using ControlPlane.Shared.Xds;
using static ControlPlane.Shared.Tests.Xds.TestResources;

namespace ControlPlane.Shared.Tests.Xds;

public sealed class XdsSnapshotCacheTests
{
    [Fact]
    public void SetResources_NewVersion_NotifiesThatType()
    {
        var cache = new XdsSnapshotCache();
        var changes = new List<XdsChange>();
        cache.Changed += (_, c) => changes.Add(c);

        cache.SetResources(TypeA, Set("v1", ("a", "1")));
        cache.SetResources(TypeA, Set("v1", ("a", "1")));

        Assert.Equal([TypeA], Assert.Single(changes).TypeUrls);
    }

    [Fact]
    public void SetSnapshot_SeveralTypesChanged_NotifiesThemInSnapshotOrder()
    {
        var cache = new XdsSnapshotCache();
        cache.SetSnapshot(XdsSnapshot.Empty.With(TypeA, Set("v1")).With(TypeB, new("l1", [])));
        var changes = new List<XdsChange>();
        cache.Changed += (_, c) => changes.Add(c);

        cache.SetSnapshot(cache.Snapshot.With(TypeA, Set("v2")).With(TypeB, new("l2", [])));

        Assert.Equal([TypeA, TypeB], Assert.Single(changes).TypeUrls);
    }

    [Fact]
    public void SetSnapshot_TypeRemoved_NotifiesIt()
    {
        var cache = new XdsSnapshotCache();
        cache.SetSnapshot(XdsSnapshot.Empty.With(TypeA, Set("v1", ("a", "1"))));
        var changes = new List<XdsChange>();
        cache.Changed += (_, c) => changes.Add(c);

        cache.SetSnapshot(XdsSnapshot.Empty);

        Assert.Equal([TypeA], Assert.Single(changes).TypeUrls);
        Assert.Empty(cache.Snapshot.Get(TypeA).Resources);
    }

    [Fact]
    public void With_ResourceOfAnotherType_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => XdsSnapshot.Empty.With(TypeB, Set("v1", ("a", "1"))));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameContent_GetsTheSameVersion()
    {
        Assert.Equal(Resource("a", "1").Version, Resource("a", "1").Version);
        Assert.NotEqual(Resource("a", "1").Version, Resource("a", "2").Version);
    }

    [Fact]
    public void ResourceSet_DuplicateNames_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => Set("v1", ("a", "1"), ("a", "2")));
    }
}
