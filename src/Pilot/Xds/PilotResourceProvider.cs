using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Xds.Generation;
using ControlPlane.Shared.Identity;
using ControlPlane.Shared.Xds;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Pilot.Xds;

/// <summary>
/// What the Shared xDS server asks Pilot: for a client and a type, the resources it gets now. It
/// holds the current <see cref="MeshSnapshot"/> and a <see cref="ResourceCache"/> per type; a new
/// snapshot replaces only the caches of the types whose generator depends on a changed kind, and
/// the server is told about exactly those types, in push order (CDS, EDS, LDS, RDS).
/// </summary>
internal sealed class PilotResourceProvider : IXdsResourceProvider
{
    private readonly FrozenDictionary<string, IXdsGenerator> _generators;
    private State _state;

    // A stream's node never changes, so its generation view is read once, not on every push of every type.
    private readonly ConditionalWeakTable<XdsStreamContext, ProxyInfo> _proxies = new();

    public PilotResourceProvider(IEnumerable<IXdsGenerator> generators, MeshIdentityOptions? identity = null)
    {
        _generators = generators.ToFrozenDictionary(g => g.TypeUrl, StringComparer.Ordinal);
        _state = new State(identity is null ? MeshSnapshot.Empty : MeshSnapshot.EmptyFor(identity), _generators.Keys.ToFrozenDictionary(t => t, _ => new ResourceCache(), StringComparer.Ordinal));
    }

    public event EventHandler<XdsChange>? Changed;

    /// <summary>The snapshot resources are generated from now.</summary>
    public MeshSnapshot Snapshot => Volatile.Read(ref _state).Snapshot;

    /// <summary>
    /// Serves <paramref name="snapshot"/>; returns the types whose resources may have changed, in push
    /// order: those whose generator's <see cref="IXdsGenerator.DependsOn"/> names one of
    /// <paramref name="changedKinds"/>, the only place that says which kinds affect which type.
    /// A change of what TLS and RBAC read of the workloads counts as the pseudo-kind
    /// <see cref="WorkloadSecurityInputs.Kind"/>.
    /// Their new sets carry <paramref name="changedAt"/>, when the change first arrived.
    /// </summary>
    public IReadOnlyList<string> Update(MeshSnapshot snapshot, IReadOnlySet<string> changedKinds, long? changedAt = null)
    {
        var previous = Volatile.Read(ref _state);
        if (previous.Snapshot.WorkloadSecurity != snapshot.WorkloadSecurity)
        {
            changedKinds = changedKinds.Append(WorkloadSecurityInputs.Kind).ToHashSet(StringComparer.Ordinal);
        }

        var affected = XdsTypeNames.PushOrder.Where(t => _generators.TryGetValue(t, out var g) && g.DependsOn.Overlaps(changedKinds)).ToList();
        var caches = previous.Caches.ToDictionary(
            kv => kv.Key,
            kv => affected.Contains(kv.Key) ? new ResourceCache(changedAt) : kv.Value,
            StringComparer.Ordinal);
        Volatile.Write(ref _state, new State(snapshot, caches.ToFrozenDictionary(StringComparer.Ordinal)));
        if (affected.Count > 0)
        {
            Changed?.Invoke(this, new XdsChange(affected));
        }

        return affected;
    }

    public XdsResourceSet? GetResources(XdsStreamContext stream, string typeUrl, XdsSubscription subscription)
    {
        var request = subscription.IsWildcard ? ResourceRequest.All : new ResourceRequest(false, subscription.Names);
        return Resources(_proxies.GetValue(stream, Proxy), typeUrl, request);
    }

    /// <summary>
    /// The resources of a type for a client and request, from the type's cache: generated and
    /// serialised once per snapshot for every client of the same kind asking the same thing. Null
    /// before the first snapshot and for types Pilot does not serve: the server then answers nothing
    /// rather than telling the client that everything was removed.
    /// </summary>
    public XdsResourceSet? Resources(ProxyInfo proxy, string typeUrl, ResourceRequest request)
    {
        var state = Volatile.Read(ref _state);
        if (state.Snapshot.Version == 0 || !_generators.TryGetValue(typeUrl, out var generator) || !state.Caches.TryGetValue(typeUrl, out var cache))
        {
            return null;
        }

        var key = request.IsWildcard ? "*" : string.Join('\n', request.Names.Order(StringComparer.Ordinal));
        return cache.GetOrAdd(proxy.Kind, key, () =>
        {
            var resources = generator.Generate(proxy, state.Snapshot, request)
                .Select(r => cache.Resource(proxy.Kind, r.Name, r.Message))
                .ToList();
            return new XdsResourceSet(ResourceCache.SetVersion(resources), resources, cache.ChangedAt);
        });
    }

    /// <summary>The generation view of a stream's client.</summary>
    private static ProxyInfo Proxy(XdsStreamContext stream) => ProxyInfo.Parse(stream.NodeId, Metadata(stream.Node.Metadata));

    private static Dictionary<string, string> Metadata(Struct? metadata) =>
        metadata?.Fields.Where(f => f.Value.KindCase == Value.KindOneofCase.StringValue).ToDictionary(f => f.Key, f => f.Value.StringValue, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private sealed record State(MeshSnapshot Snapshot, FrozenDictionary<string, ResourceCache> Caches);
}
