namespace ControlPlane.Shared.Config.Validation.Checks;

/// <summary>
/// The <c>namespace/host</c> form of Gateway server hosts and Sidecar egress hosts
/// (<c>prod/*.example.com</c>, <c>*/reviews.default.svc.cluster.local</c>, <c>./*</c>).
/// </summary>
internal static class NamespacedHosts
{
    /// <summary>Every problem with <paramref name="value"/>; gateways also accept a plain host and an IP.</summary>
    public static IEnumerable<string> Check(string value, bool isGateway)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (isGateway)
            {
                foreach (var error in CheckHostPart(value, isGateway))
                {
                    yield return error;
                }
            }
            else
            {
                yield return "host must be of form namespace/dnsName";
            }

            yield break;
        }

        var ns = value[..slash];
        var host = value[(slash + 1)..];
        if (ns.Length == 0 || host.Length == 0)
        {
            yield return "config namespace and dnsName in host entry cannot be empty";
        }

        if (isGateway)
        {
            if (ns is not ("*" or ".") && !Hosts.IsDns1123Label(ns))
            {
                yield return $"invalid namespace value \"{ns}\" in gateway";
            }
        }
        else
        {
            var included = ns.StartsWith('~') ? ns[1..] : ns;
            if (included.Length > 0 && included is not ("*" or ".") && !Hosts.IsDns1123Label(included))
            {
                yield return $"invalid namespace value \"{ns}\" in sidecar";
            }
        }

        if (host.Length > 0)
        {
            foreach (var error in CheckHostPart(host, isGateway))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> CheckHostPart(string host, bool isGateway)
    {
        if (host != "*" && !host.Contains('.', StringComparison.Ordinal))
        {
            yield return "short names (non FQDN) are not allowed";
        }

        // Gateways may name an IP address as the host.
        if (Hosts.CheckWildcardDomain(host) is { } error && !(isGateway && IpAddresses.IsAddress(host)))
        {
            yield return error;
        }

        if (Hosts.CheckPartialWildcard(host) is { } partial)
        {
            yield return partial;
        }
    }
}
