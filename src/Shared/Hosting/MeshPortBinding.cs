using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// A port a hosted service asked for: its protocols and, for TLS ports, where its server
/// certificate comes from (resolved per handshake, so a rotated certificate is picked up).
/// </summary>
public sealed class MeshPortBinding(MeshPort port, HttpProtocols protocols, Func<IServiceProvider, X509Certificate2>? serverCertificate)
{
    public MeshPort Port { get; } = port;

    public HttpProtocols Protocols { get; } = protocols;

    public Func<IServiceProvider, X509Certificate2>? ServerCertificate { get; } = serverCertificate;

    /// <summary>
    /// TLS ports only: ask for a client certificate but accept the handshake whatever is (or is
    /// not) presented; the service validates it against its own, changing, trust (Citadel renewal).
    /// </summary>
    public bool AllowClientCertificates { get; set; }

    /// <summary>The endpoint actually bound, known once the server has started.</summary>
    public IPEndPoint? BoundEndPoint { get; internal set; }
}
