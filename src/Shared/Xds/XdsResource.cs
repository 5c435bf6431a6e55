using System.Security.Cryptography;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Xds;

/// <summary>
/// One immutable xDS resource: its name, version and body packed into an <see cref="Any"/> exactly
/// once. Every stream that sends it shares the same <see cref="Body"/> (and, for delta, the same
/// <see cref="DeltaResource"/>) instance, so the resource is never re-serialised per stream.
/// Callers must not mutate the messages exposed here.
/// </summary>
public sealed class XdsResource
{
    private XdsResource(string name, string version, Any body)
    {
        Name = name;
        Version = version;
        Body = body;
        DeltaResource = new Resource { Name = name, Version = version, Resource_ = body };
    }

    /// <summary>The resource name (e.g. a cluster name, or <c>namespace/name</c> for config).</summary>
    public string Name { get; }

    /// <summary>The resource version; two resources with the same name and version have the same body.</summary>
    public string Version { get; }

    /// <summary>The type URL, <c>type.googleapis.com/&lt;proto full name&gt;</c>.</summary>
    public string TypeUrl => Body.TypeUrl;

    /// <summary>The packed body, serialised once and shared.</summary>
    public Any Body { get; }

    /// <summary>The delta wire form (<c>envoy.service.discovery.v3.Resource</c>), built once and shared.</summary>
    public Resource DeltaResource { get; }

    /// <summary>
    /// Packs <paramref name="message"/> once. Without an explicit <paramref name="version"/> the
    /// version is a hash of the serialised bytes, so an unchanged resource keeps its version
    /// across snapshots and delta streams do not resend it.
    /// </summary>
    public static XdsResource Create(string name, IMessage message, string? version = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(message);
        var body = Any.Pack(message);
        return new XdsResource(name, version ?? ContentVersion(body.Value), body);
    }

    /// <summary>Wraps an already packed body (for example one received from another control plane).</summary>
    public static XdsResource FromAny(string name, Any body, string? version = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(body);
        return new XdsResource(name, version ?? ContentVersion(body.Value), body);
    }

    private static string ContentVersion(ByteString bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes.Span, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
