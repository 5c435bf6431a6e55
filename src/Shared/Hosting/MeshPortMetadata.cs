namespace ControlPlane.Shared.Hosting;

/// <summary>Endpoint metadata: the endpoint answers only on connections accepted on this port.</summary>
public sealed record MeshPortMetadata(string PortKey);
