using ControlPlane.Shared.Xds;
using ControlPlane.Pilot.Model;
using ControlPlane.Shared.Registry;
using ControlPlane.Shared.Config;
using Envoy.Config.Route.V3;
using Google.Protobuf.WellKnownTypes;
using Route = Envoy.Config.Route.V3.Route;
using Istio.Networking.V1Alpha3;
using ServicePort = ControlPlane.Shared.Registry.ServicePort;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// RDS: the RouteConfiguration named like the listener (<c>host:port</c>), with one virtual host
/// carrying the HTTP routes of the VirtualServices for that host, in order: one Envoy route per
/// match (a route without matches matches everything). A host without a VirtualService gets a
/// single route to the whole service.
/// </summary>
internal sealed class RouteGenerator : IXdsGenerator
{
    public string TypeUrl => XdsTypeUrls.RouteConfiguration;

    public IReadOnlySet<string> DependsOn { get; } = new HashSet<string>(
        [ConfigKinds.ServiceEntry.Kind, ConfigKinds.VirtualService.Kind, ConfigKinds.DestinationRule.Kind], StringComparer.Ordinal);

    public IEnumerable<GeneratedResource> Generate(ProxyInfo proxy, MeshSnapshot snapshot, ResourceRequest request)
    {
        var names = request.IsWildcard
            ? snapshot.Registry.Services.SelectMany(s => s.Ports.Select(p => ListenerName.For(s, p)))
            : request.Names.Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (ListenerName.TryResolve(snapshot.Registry, name, out var service, out var port))
            {
                yield return new GeneratedResource(name, Build(name, service, port, snapshot));
            }
        }
    }

    private static RouteConfiguration Build(string name, MeshService service, ServicePort port, MeshSnapshot snapshot)
    {
        var host = new VirtualHost { Name = name, Domains = { name } };
        if (name != service.Hostname)
        {
            host.Domains.Add(service.Hostname);
        }

        var rules = snapshot.VirtualServices.For(service.Hostname);
        foreach (var rule in rules)
        {
            for (var index = 0; index < rule.Spec.Http.Count; index++)
            {
                var http = rule.Spec.Http[index];
                if (http.Route.Count == 0)
                {
                    continue; // redirects, direct responses and delegation are not routes a proxyless client can follow
                }

                var matches = http.Match.Count == 0 ? [null] : http.Match.Where(m => m.Port == 0 || m.Port == port.Number).ToList<HTTPMatchRequest?>();
                foreach (var match in matches)
                {
                    host.Routes.Add(BuildRoute(http, match, rule, index, service, port, snapshot));
                }
            }
        }

        if (rules.Count == 0)
        {
            host.Routes.Add(new Route
            {
                Name = "default",
                Match = new RouteMatch { Prefix = "/" },
                Route_ = RouteActionTranslator.Default(service, port, snapshot),
            });
        }

        return new RouteConfiguration { Name = name, VirtualHosts = { host } };
    }

    private static Route BuildRoute(HTTPRoute http, HTTPMatchRequest? match, RoutingRule rule, int index, MeshService service, ServicePort port, MeshSnapshot snapshot)
    {
        var route = new Route
        {
            Name = RouteName(http, match, rule, index),
            Match = RouteMatchTranslator.Translate(match),
            Route_ = RouteActionTranslator.Translate(http, rule, service, port, snapshot),
        };
        if (FaultTranslator.Translate(http.Fault) is { } fault)
        {
            route.TypedPerFilterConfig.Add(ListenerGenerator.FaultFilterName, Any.Pack(fault));
        }

        return route;
    }

    private static string RouteName(HTTPRoute http, HTTPMatchRequest? match, RoutingRule rule, int index)
    {
        var name = string.IsNullOrEmpty(http.Name) ? $"{rule.Namespace}/{rule.Name}.http[{index}]" : http.Name;
        return match is { Name.Length: > 0 } ? $"{name}.{match.Name}" : name;
    }
}
