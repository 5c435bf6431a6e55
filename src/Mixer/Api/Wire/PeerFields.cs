namespace ControlPlane.Mixer.Api.Wire;

/// <summary>
/// The fields of an <c>AttributeContext.Peer</c> that a decision reads, as they stand after every
/// occurrence on the wire has been merged (proto3: last value wins, maps add up, a oneof keeps only
/// its last case).
/// </summary>
internal sealed class PeerFields
{
    public string Service { get; set; } = string.Empty;

    public string Principal { get; set; } = string.Empty;

    /// <summary><c>address.socket_address.address</c>; empty when the address is not a socket address.</summary>
    public string SocketAddress { get; set; } = string.Empty;

    /// <summary><c>address.socket_address.port_value</c>; 0 when a named port (or nothing) is given.</summary>
    public uint PortValue { get; set; }

    /// <summary><c>labels</c>; null when none were sent.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
