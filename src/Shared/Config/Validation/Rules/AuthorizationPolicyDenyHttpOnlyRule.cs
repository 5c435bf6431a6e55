using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// A DENY rule that matches only HTTP attributes (request principals, methods, paths, hosts)
/// cannot be evaluated on plain TCP, so Envoy denies all TCP traffic in its scope: a warning, as
/// Istio gives it, recommending an explicit port.
/// </summary>
internal sealed class AuthorizationPolicyDenyHttpOnlyRule() : ValidationRule<AuthorizationPolicy>(ConfigKinds.AuthorizationPolicy)
{
    protected override void Validate(AuthorizationPolicy spec, ValidationContext context)
    {
        if (spec.Action != AuthorizationPolicy.Types.Action.Deny)
        {
            return;
        }

        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var rule = spec.Rules[i];
            var sources = rule.From.Where(f => f.Source is not null).Select(f => f.Source).ToList();
            var operations = rule.To.Where(t => t.Operation is not null).Select(t => t.Operation).ToList();
            var tcpInFrom = sources.Any(s => s.Principals.Count + s.NotPrincipals.Count + s.IpBlocks.Count + s.NotIpBlocks.Count
                + s.Namespaces.Count + s.NotNamespaces.Count + s.RemoteIpBlocks.Count + s.NotRemoteIpBlocks.Count
                + s.ServiceAccounts.Count + s.NotServiceAccounts.Count > 0);
            var tcpInTo = operations.Any(o => o.Ports.Count + o.NotPorts.Count > 0);
            if ((sources.Count > 0 && operations.Count == 0 && !tcpInFrom) || (operations.Count > 0 && !tcpInTo))
            {
                context.Warning($"spec.rules[{i}]", "configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port");
            }
        }
    }
}
