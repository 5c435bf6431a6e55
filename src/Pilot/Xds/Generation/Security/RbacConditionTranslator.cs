using System.Globalization;
using Envoy.Config.Rbac.V3;
using Istio.Security.V1Beta1;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// A <c>when</c> condition as an RBAC principal (keys about the peer) or permission (keys about the
/// request), for the keys gRPC can evaluate: <c>source.principal</c>, <c>source.namespace</c>,
/// <c>source.ip</c>, <c>remote.ip</c>, <c>request.headers[NAME]</c>, <c>destination.ip</c>,
/// <c>destination.port</c>, <c>connection.sni</c>. <c>values</c> are ORed, <c>notValues</c> are
/// NOT(OR), both ANDed. Any other key (<c>request.auth.*</c> needs JWT authentication, which gRPC
/// lacks) or an unparsable value is reported through <c>unsupported</c> and adds nothing.
/// </summary>
internal static class RbacConditionTranslator
{
    private const string HeaderPrefix = "request.headers[";

    public static void Add(Condition condition, List<Principal> principals, List<Permission> permissions, Action unsupported)
    {
        var key = condition.Key;
        switch (key)
        {
            case "source.principal":
                AddPrincipal(condition, RbacMatchers.Authenticated, principals);
                return;
            case "source.namespace":
                AddPrincipal(condition, RbacMatchers.Namespace, principals);
                return;
            case "source.ip":
                AddPrincipal(condition, v => Cidr(v, unsupported) is { } c ? new Principal { DirectRemoteIp = c } : null, principals);
                return;
            case "remote.ip":
                AddPrincipal(condition, v => Cidr(v, unsupported) is { } c ? new Principal { RemoteIp = c } : null, principals);
                return;
            case "destination.ip":
                AddPermission(condition, v => Cidr(v, unsupported) is { } c ? new Permission { DestinationIp = c } : null, permissions);
                return;
            case "destination.port":
                AddPermission(condition, v => Port(v, unsupported), permissions);
                return;
            case "connection.sni":
                AddPermission(condition, v => new Permission { RequestedServerName = RbacMatchers.String(v) }, permissions);
                return;
        }

        if (key.StartsWith(HeaderPrefix, StringComparison.Ordinal) && key.EndsWith(']') && key.Length > HeaderPrefix.Length + 1)
        {
            var name = key[HeaderPrefix.Length..^1].ToLowerInvariant();
            AddPermission(condition, v => new Permission { Header = RbacMatchers.Header(name, v) }, permissions);
            return;
        }

        unsupported();
    }

    private static void AddPrincipal(Condition condition, Func<string, Principal?> map, List<Principal> principals)
    {
        if (RbacSets.Or(condition.Values.Select(map).OfType<Principal>().ToList()) is { } values)
        {
            principals.Add(values);
        }

        if (RbacSets.Not(RbacSets.Or(condition.NotValues.Select(map).OfType<Principal>().ToList())) is { } notValues)
        {
            principals.Add(notValues);
        }
    }

    private static void AddPermission(Condition condition, Func<string, Permission?> map, List<Permission> permissions)
    {
        if (RbacSets.Or(condition.Values.Select(map).OfType<Permission>().ToList()) is { } values)
        {
            permissions.Add(values);
        }

        if (RbacSets.Not(RbacSets.Or(condition.NotValues.Select(map).OfType<Permission>().ToList())) is { } notValues)
        {
            permissions.Add(notValues);
        }
    }

    private static Envoy.Config.Core.V3.CidrRange? Cidr(string value, Action unsupported)
    {
        var cidr = RbacMatchers.Cidr(value);
        if (cidr is null)
        {
            unsupported();
        }

        return cidr;
    }

    private static Permission? Port(string value, Action unsupported)
    {
        if (uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return new Permission { DestinationPort = port };
        }

        unsupported();
        return null;
    }
}
