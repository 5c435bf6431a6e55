using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Registry;
using Envoy.Config.Core.V3;
using Istio.Networking.V1Alpha3;
using TlsMode = Istio.Networking.V1Alpha3.ClientTLSSettings.Types.TLSmode;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// The transport socket of an outbound cluster. The DestinationRule's TLS settings decide when it
/// has any (subset over rule, port-level over the level's own): <c>ISTIO_MUTUAL</c> is the mesh
/// context with a SAN matcher per service account behind the service
/// (<c>spiffe://TRUST_DOMAIN/ns/NS/sa/SA</c>) unless <c>subjectAltNames</c> names others;
/// <c>DISABLE</c> is plaintext; <c>SIMPLE</c> validates the server against the mesh roots without
/// a client certificate, <c>MUTUAL</c> presents the workload certificate. A proxyless client takes
/// certificates only from its bootstrap's provider instance, so the certificate files a
/// SIMPLE/MUTUAL rule names cannot reach it: the <c>default</c> instance stands for them. With no
/// TLS settings, auto-mTLS decides (<see cref="AutoMtls"/>).
/// </summary>
internal static class ClusterTlsTranslator
{
    public static TransportSocket? For(ClusterName name, MeshService service, DestinationPolicy? policy, MeshSnapshot snapshot)
    {
        var subset = name.Subset.Length > 0 ? policy?.FindSubset(name.Subset) : null;
        var settings = Tls(subset?.TrafficPolicy, name.Port) ?? Tls(policy?.Spec.TrafficPolicy, name.Port);
        var mode = settings?.Mode ?? (AutoMtls.Applies(snapshot, service, Endpoints(snapshot, service, name.Port, subset)) ? TlsMode.IstioMutual : TlsMode.Disable);
        return mode switch
        {
            TlsMode.IstioMutual => TlsContextBuilder.Socket(TlsContextBuilder.IstioMutual(
                settings is { SubjectAltNames.Count: > 0 } ? [.. settings.SubjectAltNames] : [.. ServiceIdentities.Of(snapshot.Registry, service.Hostname)])),
            TlsMode.Mutual => TlsContextBuilder.Socket(WithSni(TlsContextBuilder.IstioMutual(settings!.SubjectAltNames), settings.Sni)),
            TlsMode.Simple => TlsContextBuilder.Socket(TlsContextBuilder.Simple(settings!.SubjectAltNames, settings.Sni)),
            _ => null,
        };
    }

    /// <summary>The endpoints behind the cluster, read only when auto-mTLS has to decide.</summary>
    private static List<ServiceEndpoint> Endpoints(MeshSnapshot snapshot, MeshService service, int port, Subset? subset) =>
        [.. snapshot.Registry.Endpoints(service.Hostname, port).Where(e => subset is null || e.Matches(subset.Labels))];

    private static Envoy.Extensions.TransportSockets.Tls.V3.UpstreamTlsContext WithSni(Envoy.Extensions.TransportSockets.Tls.V3.UpstreamTlsContext context, string sni)
    {
        context.Sni = sni;
        return context;
    }

    /// <summary>A level's TLS for a port: its port-level entry's when that sets TLS, else its own.</summary>
    private static ClientTLSSettings? Tls(TrafficPolicy? policy, int port) =>
        policy?.PortLevelSettings.FirstOrDefault(p => p.Port?.Number == (uint)port)?.Tls ?? policy?.Tls;
}
