using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Xds;

namespace ControlPlane.Pilot.Xds;

/// <summary>
/// The resources of one type generated from one mesh snapshot: each resource is serialised once
/// (an <see cref="XdsResource"/> shared by every stream that gets it), and each distinct request
/// (wildcard, or a set of names) is answered once. Thrown away whole when the type's inputs change.
/// Generation depends on the client only through its <see cref="ProxyKind"/>, so that is the key.
/// </summary>
/// <param name="changedAt">When the change that made this cache's content first arrived; stamped on its sets.</param>
internal sealed class ResourceCache(long? changedAt = null)
{
    private readonly ConcurrentDictionary<(ProxyKind Kind, string Name), XdsResource> _resources = new();
    private readonly ConcurrentDictionary<(ProxyKind Kind, string Request), XdsResourceSet> _sets = new();

    public int ResourceCount => _resources.Count;

    /// <summary>When the change behind this content first arrived (a <see cref="TimeProvider"/> timestamp); null for the initial empty caches.</summary>
    public long? ChangedAt { get; } = changedAt;

    public XdsResourceSet GetOrAdd(ProxyKind kind, string requestKey, Func<XdsResourceSet> build) =>
        _sets.GetOrAdd((kind, requestKey), _ => build());

    public XdsResource Resource(ProxyKind kind, string name, Google.Protobuf.IMessage message) =>
        _resources.GetOrAdd((kind, name), _ => XdsResource.Create(name, message));

    /// <summary>A set's version: a hash of its resources' names and versions, so equal sets have equal versions.</summary>
    public static string SetVersion(IEnumerable<XdsResource> resources)
    {
        var text = new StringBuilder();
        foreach (var resource in resources)
        {
            text.Append(resource.Name).Append('=').Append(resource.Version).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..8]);
    }
}
