using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Xds.Generation.Security;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;
using Route = Envoy.Config.Route.V3.Route;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// The server listener of an xDS-enabled gRPC server (gRPC A36, A29, A41) at <c>IP:PORT</c>. Its
/// <c>address</c> is that IP and port (the server refuses any other); each filter chain holds one
/// HttpConnectionManager whose inline route configuration answers every request in place
/// (<c>non_forwarding_action</c>) and whose HTTP filters are the workload's RBAC filters, then the
/// router. The workload's PeerAuthentication mode for the port picks the chains: DISABLE one
/// plaintext chain, STRICT one chain with a DownstreamTlsContext requiring a mesh client
/// certificate, PERMISSIVE a TLS chain matched on <c>transport_protocol: tls</c> plus the plaintext
/// chain as default. gRPC servers do not sniff TLS: they skip a chain whose transport_protocol is
/// anything but <c>raw_buffer</c> (A36), so under PERMISSIVE they serve plaintext (and so does
/// Istio's own proxyless server, which treats PERMISSIVE as DISABLE).
/// </summary>
internal static class InboundListenerBuilder
{
    public static Listener Build(string name, string address, int port, MeshSnapshot snapshot)
    {
        var workload = WorkloadLocator.Find(snapshot.Registry, address, port) is { } found ? WorkloadIdentityRef.Of(found) : WorkloadIdentityRef.Unknown;
        var mode = snapshot.PeerAuthentications.ModeFor(workload, port);
        var filters = RbacFilterBuilder.Build(snapshot.AuthorizationPolicies.For(workload)).ToList();
        var listener = new Listener
        {
            Name = name,
            Address = new Address { SocketAddress = new SocketAddress { Address = address, PortValue = (uint)port } },
        };
        switch (mode)
        {
            case MtlsMode.Strict:
                listener.FilterChains.Add(Chain("inbound-mtls", port, filters, tls: true));
                break;
            case MtlsMode.Permissive:
                var tlsChain = Chain("inbound-mtls", port, filters, tls: true);
                tlsChain.FilterChainMatch = new FilterChainMatch { TransportProtocol = "tls" };
                listener.FilterChains.Add(tlsChain);
                listener.DefaultFilterChain = Chain("inbound-plaintext", port, filters, tls: false);
                break;
            default:
                listener.FilterChains.Add(Chain("inbound-plaintext", port, filters, tls: false));
                break;
        }

        return listener;
    }

    private static FilterChain Chain(string name, int port, IEnumerable<HttpFilter> rbac, bool tls)
    {
        var manager = new HttpConnectionManager
        {
            StatPrefix = $"{name}_{port}",
            RouteConfig = new RouteConfiguration
            {
                Name = $"inbound|{port}",
                VirtualHosts =
                {
                    new VirtualHost
                    {
                        Name = $"inbound|{port}",
                        Domains = { "*" },
                        Routes = { new Route { Name = "default", Match = new RouteMatch { Prefix = "/" }, NonForwardingAction = new NonForwardingAction() } },
                    },
                },
            },
        };
        manager.HttpFilters.AddRange(rbac.Select(f => f.Clone()));
        manager.HttpFilters.Add(new HttpFilter { Name = ListenerGenerator.RouterFilterName, TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Http.Router.V3.Router()) });
        var chain = new FilterChain
        {
            Name = name,
            Filters = { new Filter { Name = "envoy.filters.network.http_connection_manager", TypedConfig = Any.Pack(manager) } },
        };
        if (tls)
        {
            chain.TransportSocket = TlsContextBuilder.Socket(TlsContextBuilder.Downstream());
        }

        return chain;
    }
}
