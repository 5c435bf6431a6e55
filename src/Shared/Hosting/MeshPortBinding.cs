using System.Net;
using System.Net.Security;
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
    /// TLS ports only, optional: the full server TLS options per connection, for a service that
    /// must send intermediates with its certificate or accept client certificates it validates
    /// itself (Citadel). When set it takes precedence over <see cref="ServerCertificate"/>.
    /// </summary>
    public Func<IServiceProvider, SslServerAuthenticationOptions>? TlsOptions { get; set; }

    /// <summary>The endpoint actually bound, known once the server has started.</summary>
    public IPEndPoint? BoundEndPoint { get; internal set; }
}
