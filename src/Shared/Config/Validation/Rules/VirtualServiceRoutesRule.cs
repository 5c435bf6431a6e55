using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// The shape of routes: at least one of http, tcp, tls; each HTTP route has exactly one action
/// (route, redirect, direct response, or a delegate); TCP and TLS routes have destinations, and
/// TLS routes SNI matches within the VirtualService hosts.
/// </summary>
internal sealed class VirtualServiceRoutesRule() : ValidationRule<VirtualService>(ConfigKinds.VirtualService)
{
    protected override void Validate(VirtualService spec, ValidationContext context)
    {
        if (spec.Http.Count == 0 && spec.Tcp.Count == 0 && spec.Tls.Count == 0)
        {
            context.Error("spec", "http, tcp or tls must be provided in virtual service");
        }

        var isDelegate = spec.Hosts.Count == 0;
        for (var i = 0; i < spec.Http.Count; i++)
        {
            CheckHttp($"spec.http[{i}]", spec.Http[i], isDelegate, context);
        }

        for (var i = 0; i < spec.Tcp.Count; i++)
        {
            if (spec.Tcp[i].Route.Count == 0)
            {
                context.Error($"spec.tcp[{i}].route", "TCP route is required");
            }
        }

        for (var i = 0; i < spec.Tls.Count; i++)
        {
            CheckTls($"spec.tls[{i}]", spec.Tls[i], spec, context);
        }
    }

    private static void CheckHttp(string path, HTTPRoute http, bool isDelegate, ValidationContext context)
    {
        if (!isDelegate && http.Delegate is not null)
        {
            if (http.Redirect is not null)
            {
                context.Error($"{path}.redirect", $"root HTTP route {http.Name} must not specify redirect");
            }

            if (http.Route.Count > 0)
            {
                context.Error($"{path}.route", $"root HTTP route {http.Name} must not specify route");
            }

            return;
        }

        if (isDelegate && http.Delegate is not null)
        {
            context.Error($"{path}.delegate", "delegate HTTP route cannot contain delegate");
        }

        if (http.Redirect is not null)
        {
            Conflict(http.Route.Count > 0, "route", "redirect");
            Conflict(http.Fault is not null, "fault", "redirect");
            Conflict(http.Rewrite is not null, "rewrite", "redirect");
            Conflict(http.DirectResponse is not null, "direct_response", "redirect");
        }
        else if (http.DirectResponse is not null)
        {
            Conflict(http.Route.Count > 0, "route", "direct_response");
            Conflict(http.Fault is not null, "fault", "direct_response");
            Conflict(http.Rewrite is not null, "rewrite", "direct_response");
        }
        else if (http.Route.Count == 0)
        {
            context.Error(path, "HTTP route, redirect or direct_response is required");
        }

        if (http.Mirror is not null && http.Mirrors.Count > 0)
        {
            context.Error($"{path}.mirrors", "HTTP route cannot contain both mirror and mirrors");
        }

        void Conflict(bool both, string field, string action)
        {
            if (both)
            {
                context.Error(path, $"HTTP route cannot contain both {field} and {action}");
            }
        }
    }

    private static void CheckTls(string path, TLSRoute tls, VirtualService spec, ValidationContext context)
    {
        if (tls.Match.Count == 0)
        {
            context.Error($"{path}.match", "TLS route must have at least one match condition");
        }

        for (var m = 0; m < tls.Match.Count; m++)
        {
            var sniHosts = tls.Match[m].SniHosts;
            if (sniHosts.Count == 0)
            {
                context.Error($"{path}.match[{m}].sniHosts", "TLS match must have at least one SNI host");
            }

            for (var s = 0; s < sniHosts.Count; s++)
            {
                var sni = sniHosts[s];
                var sniPath = $"{path}.match[{m}].sniHosts[{s}]";
                if (Hosts.CheckWildcardDomain(sni) is { } error)
                {
                    context.Error(sniPath, error);
                }
                else if (!spec.Hosts.Any(h => HostNames.SubsetOf(sni, h)))
                {
                    context.Error(sniPath, $"SNI host \"{sni}\" is not a compatible subset of any of the virtual service hosts: [{string.Join(", ", spec.Hosts)}]");
                }
            }
        }

        if (tls.Route.Count == 0)
        {
            context.Error($"{path}.route", "TLS route is required");
        }
    }
}
