using System.Net;
using ControlPlane.Shared.Identity;

namespace ControlPlane.Citadel.Authority;

/// <summary>What goes into one leaf: its key, its identity, its validity and any extra names.</summary>
internal sealed record LeafSpec(
    ReadOnlyMemory<byte> SubjectPublicKeyInfo,
    CsrKeyKind KeyKind,
    SpiffeId Identity,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter)
{
    /// <summary>DNS names, only for certificates Citadel makes for itself (its serving certificate).</summary>
    public IReadOnlyList<string> DnsNames { get; init; } = [];

    public IReadOnlyList<IPAddress> IpAddresses { get; init; } = [];
}
