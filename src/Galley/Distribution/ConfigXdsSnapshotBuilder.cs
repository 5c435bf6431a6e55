using System.Runtime.CompilerServices;
using ControlPlane.Shared.Config;
using ControlPlane.Shared.Config.Distribution;
using ControlPlane.Shared.Xds;

namespace ControlPlane.Galley.Distribution;

/// <summary>
/// Turns config snapshots into xDS snapshots: one type per Istio kind plus the Kubernetes
/// objects, every type present (empty ones too, so a wildcard subscriber always hears back).
/// </summary>
/// <remarks>
/// Objects are encoded once: unchanged files keep their <see cref="ConfigObject"/> instances
/// across snapshots, so encodings are cached per instance. A type keeps its version while its
/// resources are unchanged, so a change to one kind pushes that kind only; a changed type takes
/// the config snapshot's version. Not thread-safe: called by the one snapshot publisher.
/// </remarks>
internal sealed class ConfigXdsSnapshotBuilder
{
    private readonly ConditionalWeakTable<object, XdsResource> _encoded = new();
    private XdsSnapshot _previous = XdsSnapshot.Empty;

    public XdsSnapshot Build(ConfigSnapshot snapshot)
    {
        var version = snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = XdsSnapshot.Empty;
        var byKind = snapshot.Objects.ToLookup(o => o.Kind.TypeUrl, StringComparer.Ordinal);
        foreach (var kind in ConfigKinds.All)
        {
            var resources = byKind[kind.TypeUrl].Select(o => Encoded(o, () => XdsResource.FromAny(ConfigResourceCodec.ResourceName(o), ConfigResourceCodec.Encode(o))));
            next = next.With(kind.TypeUrl, Versioned(kind.TypeUrl, version, resources.ToList()));
        }

        var kubernetes = snapshot.KubernetesObjects
            .Select(o => Encoded(o, () => XdsResource.FromAny(ConfigResourceCodec.ResourceName(o), ConfigResourceCodec.Encode(o))));
        next = next.With(ConfigResourceCodec.KubernetesTypeUrl, Versioned(ConfigResourceCodec.KubernetesTypeUrl, version, kubernetes.ToList()));
        _previous = next;
        return next;
    }

    private XdsResource Encoded(object source, Func<XdsResource> encode)
    {
        if (!_encoded.TryGetValue(source, out var resource))
        {
            resource = encode();
            _encoded.AddOrUpdate(source, resource);
        }

        return resource;
    }

    private XdsResourceSet Versioned(string typeUrl, string version, IReadOnlyList<XdsResource> resources)
    {
        var previous = _previous.Get(typeUrl);
        var unchanged = previous.Version.Length > 0 &&
                        previous.Resources.Count == resources.Count &&
                        resources.All(r => previous.Resources.TryGetValue(r.Name, out var held) && held.Version == r.Version);
        return unchanged ? previous : new XdsResourceSet(version, resources);
    }
}
