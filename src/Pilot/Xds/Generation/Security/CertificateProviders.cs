namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// The names a proxyless client's bootstrap gives its certificates (gRPC A29): one
/// <c>certificate_providers</c> entry, a <c>file_watcher</c> named <c>default</c> over the files the
/// agent writes; Istio names the workload certificate <c>default</c> and the mesh roots <c>ROOTCA</c>.
/// </summary>
internal static class CertificateProviders
{
    public const string InstanceName = "default";
    public const string IdentityCertificateName = "default";
    public const string RootCertificateName = "ROOTCA";

    /// <summary>The transport socket gRPC accepts on a filter chain or a cluster.</summary>
    public const string TlsTransportSocketName = "envoy.transport_sockets.tls";
}
