using System.Globalization;
using Envoy.Config.Rbac.V3;
using Istio.Security.V1Beta1;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// One AuthorizationPolicy rule as one RBAC policy, mapping only what gRPC evaluates (gRPC A41:
/// authenticated principal, remote and direct-remote IP, headers, URL path, destination port and
/// IP, requested server name). A rule is its <c>from</c> sources ORed, ANDed with its
/// <c>to</c> operations ORed, ANDed with every <c>when</c>; within a source or operation every field
/// is ANDed and the values of a field are ORed; <c>notX</c> is NOT(OR).
/// What gRPC cannot evaluate (request principals and <c>request.auth.*</c>, which need JWT
/// authentication; an unknown condition key; a value that does not parse) never widens access, as
/// Istio treats HTTP-only fields on a TCP filter: an ALLOW rule using it is left out (it matches
/// nothing), a DENY rule drops only that field (so it matches more).
/// </summary>
internal sealed class RbacRuleTranslator
{
    private bool _unsupported;

    /// <summary>The RBAC policy for <paramref name="rule"/>; null when the rule is left out.</summary>
    public static Policy? Translate(Rule rule, bool deny)
    {
        var translator = new RbacRuleTranslator();
        var policy = translator.Build(rule);
        return translator._unsupported && !deny ? null : policy;
    }

    private Policy Build(Rule rule)
    {
        var principals = new List<Principal>();
        var permissions = new List<Permission>();
        if (RbacSets.Or(rule.From.Select(f => Source(f.Source ?? new Source())).ToList()) is { } from)
        {
            principals.Add(from);
        }

        if (RbacSets.Or(rule.To.Select(t => Operation(t.Operation ?? new Operation())).ToList()) is { } to)
        {
            permissions.Add(to);
        }

        foreach (var condition in rule.When)
        {
            RbacConditionTranslator.Add(condition, principals, permissions, () => _unsupported = true);
        }

        return new Policy { Principals = { RbacSets.And(principals) }, Permissions = { RbacSets.And(permissions) } };
    }

    private Principal Source(Source source)
    {
        var parts = new List<Principal?>
        {
            RbacSets.Or(source.Principals.Select(RbacMatchers.Authenticated).ToList()),
            RbacSets.Not(RbacSets.Or(source.NotPrincipals.Select(RbacMatchers.Authenticated).ToList())),
            RbacSets.Or(source.Namespaces.Select(RbacMatchers.Namespace).ToList()),
            RbacSets.Not(RbacSets.Or(source.NotNamespaces.Select(RbacMatchers.Namespace).ToList())),
            RbacSets.Or(source.ServiceAccounts.Select(RbacMatchers.ServiceAccount).ToList()),
            RbacSets.Not(RbacSets.Or(source.NotServiceAccounts.Select(RbacMatchers.ServiceAccount).ToList())),
            RbacSets.Or(source.TrustDomains.Select(RbacMatchers.TrustDomain).ToList()),
            RbacSets.Not(RbacSets.Or(source.NotTrustDomains.Select(RbacMatchers.TrustDomain).ToList())),
            RbacSets.Or(Ips(source.IpBlocks, remote: false)),
            RbacSets.Not(RbacSets.Or(Ips(source.NotIpBlocks, remote: false))),
            RbacSets.Or(Ips(source.RemoteIpBlocks, remote: true)),
            RbacSets.Not(RbacSets.Or(Ips(source.NotRemoteIpBlocks, remote: true))),
        };
        if (source.RequestPrincipals.Count > 0 || source.NotRequestPrincipals.Count > 0)
        {
            _unsupported = true;
        }

        return RbacSets.And(parts.OfType<Principal>().ToList());
    }

    private Permission Operation(Operation operation)
    {
        var parts = new List<Permission?>
        {
            RbacSets.Or(operation.Hosts.Select(Host).ToList()),
            RbacSets.Not(RbacSets.Or(operation.NotHosts.Select(Host).ToList())),
            RbacSets.Or(Ports(operation.Ports)),
            RbacSets.Not(RbacSets.Or(Ports(operation.NotPorts))),
            RbacSets.Or(operation.Methods.Select(Method).ToList()),
            RbacSets.Not(RbacSets.Or(operation.NotMethods.Select(Method).ToList())),
            RbacSets.Or(operation.Paths.Select(Path).ToList()),
            RbacSets.Not(RbacSets.Or(operation.NotPaths.Select(Path).ToList())),
        };
        return RbacSets.And(parts.OfType<Permission>().ToList());
    }

    private static Permission Host(string host) => new() { Header = RbacMatchers.Header(":authority", host, ignoreCase: true) };

    private static Permission Method(string method) => new() { Header = RbacMatchers.Header(":method", method) };

    private static Permission Path(string path) => new() { UrlPath = RbacMatchers.Path(path) };

    private List<Principal> Ips(IEnumerable<string> blocks, bool remote) =>
        blocks.Select(b => RbacMatchers.Cidr(b) is { } cidr
                ? remote ? new Principal { RemoteIp = cidr } : new Principal { DirectRemoteIp = cidr }
                : Unsupported<Principal>())
            .OfType<Principal>()
            .ToList();

    private List<Permission> Ports(IEnumerable<string> ports) =>
        ports.Select(p => uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
                ? new Permission { DestinationPort = port }
                : Unsupported<Permission>())
            .OfType<Permission>()
            .ToList();

    private T? Unsupported<T>()
        where T : class
    {
        _unsupported = true;
        return null;
    }
}
