using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// Whether a client may send mutual TLS to a destination no DestinationRule sets TLS for (Istio's
/// auto-mTLS). A workload that runs the agent says so with Istio's own label
/// <c>security.istio.io/tlsMode: istio</c> (what Istio's injector puts on a pod with a sidecar; on
/// a WorkloadEntry, set it by hand or by whatever starts the agent): only such a workload holds a
/// mesh certificate. mTLS is chosen when every endpoint of the port carries it and its
/// PeerAuthentication mode for the port is STRICT. Under PERMISSIVE a proxyless server serves
/// plaintext only (it cannot sniff TLS, gRPC A36), so the client stays plaintext, which an Envoy
/// server in PERMISSIVE accepts as well.
/// </summary>
internal static class AutoMtls
{
    public const string TlsModeLabel = "security.istio.io/tlsMode";
    public const string TlsModeIstio = "istio";

    public static bool Applies(MeshSnapshot snapshot, MeshService service, IReadOnlyList<ServiceEndpoint> endpoints)
    {
        if (!service.MeshInternal || endpoints.Count == 0)
        {
            return false;
        }

        foreach (var endpoint in endpoints)
        {
            if (!endpoint.Labels.TryGetValue(TlsModeLabel, out var mode) || mode != TlsModeIstio)
            {
                return false;
            }

            var workload = WorkloadLocator.Find(snapshot.Registry, endpoint.Address, endpoint.Port);
            var scope = workload is null ? WorkloadIdentityRef.Unknown : WorkloadIdentityRef.Of(workload);
            if (snapshot.PeerAuthentications.ModeFor(scope, endpoint.Port) != MtlsMode.Strict)
            {
                return false;
            }
        }

        return true;
    }
}
