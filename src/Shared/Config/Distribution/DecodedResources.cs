using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Config.Distribution;

/// <summary>
/// The objects a subscriber decoded, by type and name, with the bytes they came from: a
/// state-of-the-world response resends every resource of a type, and those whose bytes did not
/// change are not decoded again. Thread-safe.
/// </summary>
internal sealed class DecodedResources
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string TypeUrl, string Name), (ByteString Bytes, object Decoded)> _items = [];

    /// <summary>The decoded object (<see cref="ConfigObject"/> or <see cref="KubernetesObject"/>); throws <see cref="ConfigResourceException"/>.</summary>
    public object Get(string typeUrl, string name, Any body)
    {
        lock (_gate)
        {
            if (_items.TryGetValue((typeUrl, name), out var held) && held.Bytes.Equals(body.Value))
            {
                return held.Decoded;
            }
        }

        var decoded = Decode(typeUrl, body);
        lock (_gate)
        {
            _items[(typeUrl, name)] = (body.Value, decoded);
        }

        return decoded;
    }

    public void Remove(string typeUrl, string name)
    {
        lock (_gate)
        {
            _items.Remove((typeUrl, name));
        }
    }

    private static object Decode(string typeUrl, Any body) =>
        typeUrl == ConfigResourceCodec.KubernetesTypeUrl
            ? ConfigResourceCodec.DecodeKubernetes(body)
            : ConfigKinds.TryFindByTypeUrl(typeUrl, out var kind)
                ? ConfigResourceCodec.DecodeConfig(kind, body)
                : throw new ConfigResourceException($"type '{typeUrl}' is not a config kind");
}
