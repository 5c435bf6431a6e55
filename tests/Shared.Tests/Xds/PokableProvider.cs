using ControlPlane.Shared.Xds;

namespace ControlPlane.Shared.Tests.Xds;

/// <summary>A snapshot cache that can also announce a change that changed nothing, to prove nothing is resent.</summary>
internal sealed class PokableProvider : IXdsResourceProvider
{
    public PokableProvider(XdsSnapshotCache cache)
    {
        Cache = cache;
        cache.Changed += (_, change) => Changed?.Invoke(this, change);
    }

    public event EventHandler<XdsChange>? Changed;

    public XdsSnapshotCache Cache { get; }

    public XdsResourceSet? GetResources(XdsStreamContext stream, string typeUrl, XdsSubscription subscription) =>
        Cache.GetResources(stream, typeUrl, subscription);

    public void Poke(string typeUrl) => Changed?.Invoke(this, new XdsChange([typeUrl]));
}
