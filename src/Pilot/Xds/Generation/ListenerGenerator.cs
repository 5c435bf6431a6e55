using ControlPlane.Shared.Xds;
using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Config;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// LDS for proxyless gRPC: one Listener per service port, named <c>host:port</c>, whose
/// <c>api_listener</c> holds an HttpConnectionManager that fetches its routes over ADS (RDS, the
/// route configuration named like the listener) and runs the fault filter then the router filter
/// (gRPC requires the router, and last).
/// See https://github.com/grpc/proposal/blob/master/A27-xds-global-load-balancing.md
/// An xDS-enabled server's listener, <c>xds.istio.io/grpc/lds/inbound/IP:PORT</c>, is asked for by
/// name only and built by <see cref="InboundListenerBuilder"/>.
/// </summary>
internal sealed class ListenerGenerator : IXdsGenerator
{
    public const string FaultFilterName = "envoy.filters.http.fault";
    public const string RouterFilterName = "envoy.filters.http.router";

    public string TypeUrl => XdsTypeUrls.Listener;

    public IReadOnlySet<string> DependsOn { get; } = new HashSet<string>(
        [ConfigKinds.ServiceEntry.Kind, WorkloadSecurityInputs.Kind, ConfigKinds.PeerAuthentication.Kind, ConfigKinds.AuthorizationPolicy.Kind], StringComparer.Ordinal);

    public IEnumerable<GeneratedResource> Generate(ProxyInfo proxy, MeshSnapshot snapshot, ResourceRequest request)
    {
        if (request.IsWildcard)
        {
            foreach (var service in snapshot.Registry.Services)
            {
                foreach (var port in service.Ports)
                {
                    var name = ListenerName.For(service, port);
                    yield return new GeneratedResource(name, Build(name));
                }
            }

            yield break;
        }

        foreach (var name in request.Names.Order(StringComparer.Ordinal))
        {
            if (InboundListenerName.TryParse(name, out var address, out var port))
            {
                yield return new GeneratedResource(name, InboundListenerBuilder.Build(name, address, port, snapshot));
            }
            else if (ListenerName.TryResolve(snapshot.Registry, name, out _, out _))
            {
                yield return new GeneratedResource(name, Build(name));
            }
        }
    }

    private static Listener Build(string name)
    {
        var manager = new HttpConnectionManager
        {
            Rds = new Rds
            {
                ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 },
                RouteConfigName = name,
            },
            HttpFilters =
            {
                new HttpFilter { Name = FaultFilterName, TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Http.Fault.V3.HTTPFault()) },
                new HttpFilter { Name = RouterFilterName, TypedConfig = Any.Pack(new Envoy.Extensions.Filters.Http.Router.V3.Router()) },
            },
        };
        return new Listener
        {
            Name = name,
            ApiListener = new ApiListener { ApiListener_ = Any.Pack(manager) },
        };
    }
}
