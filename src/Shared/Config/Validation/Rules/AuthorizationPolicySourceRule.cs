using ControlPlane.Shared.Config;
using Istio.Security.V1Beta1;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// <c>from</c> clauses: each with a non-empty source; principals, namespaces and other values
/// non-empty strings; IP blocks IPs or CIDRs; service accounts well formed and not mixed with
/// namespaces or principals; trust domains without <c>/</c>.
/// </summary>
internal sealed class AuthorizationPolicySourceRule() : ValidationRule<AuthorizationPolicy>(ConfigKinds.AuthorizationPolicy)
{
    protected override void Validate(AuthorizationPolicy spec, ValidationContext context) =>
        AuthorizationPolicyClauses.Each(spec, "from", "source", r => r.From, c => c.Source, context, (path, rule, value) => Check(path, rule, value, context));

    private static void Check(string path, int rule, Source s, ValidationContext context)
    {
        var identities = s.Principals.Count + s.NotPrincipals.Count + s.Namespaces.Count + s.NotNamespaces.Count;
        if (identities > 0 && s.ServiceAccounts.Count + s.NotServiceAccounts.Count > 0)
        {
            context.Error($"{path}.serviceAccounts", $"cannot set serviceAccounts with namespaces or principals, found at rule {rule}");
        }

        if (identities + s.RequestPrincipals.Count + s.NotRequestPrincipals.Count + s.IpBlocks.Count + s.NotIpBlocks.Count
            + s.RemoteIpBlocks.Count + s.NotRemoteIpBlocks.Count + s.ServiceAccounts.Count + s.NotServiceAccounts.Count
            + s.TrustDomains.Count + s.NotTrustDomains.Count == 0)
        {
            context.Error(path, $"`from.source` must not be empty, found at rule {rule}");
        }

        SecurityValues.NotEmpty($"{path}.principals", "Principals", s.Principals, context);
        SecurityValues.NotEmpty($"{path}.notPrincipals", "NotPrincipals", s.NotPrincipals, context);
        SecurityValues.NotEmpty($"{path}.requestPrincipals", "RequestPrincipals", s.RequestPrincipals, context);
        SecurityValues.NotEmpty($"{path}.notRequestPrincipals", "NotRequestPrincipals", s.NotRequestPrincipals, context);
        SecurityValues.NotEmpty($"{path}.namespaces", "Namespaces", s.Namespaces, context);
        SecurityValues.NotEmpty($"{path}.notNamespaces", "NotNamespaces", s.NotNamespaces, context);
        SecurityValues.NotEmpty($"{path}.ipBlocks", "IpBlocks", s.IpBlocks, context);
        SecurityValues.NotEmpty($"{path}.notIpBlocks", "NotIpBlocks", s.NotIpBlocks, context);
        SecurityValues.NotEmpty($"{path}.remoteIpBlocks", "RemoteIpBlocks", s.RemoteIpBlocks, context);
        SecurityValues.NotEmpty($"{path}.notRemoteIpBlocks", "NotRemoteIpBlocks", s.NotRemoteIpBlocks, context);
        SecurityValues.IpBlocks($"{path}.ipBlocks", s.IpBlocks, context);
        SecurityValues.IpBlocks($"{path}.notIpBlocks", s.NotIpBlocks, context);
        SecurityValues.IpBlocks($"{path}.remoteIpBlocks", s.RemoteIpBlocks, context);
        SecurityValues.IpBlocks($"{path}.notRemoteIpBlocks", s.NotRemoteIpBlocks, context);
        SecurityValues.ServiceAccounts($"{path}.serviceAccounts", "ServiceAccounts", s.ServiceAccounts, context);
        SecurityValues.ServiceAccounts($"{path}.notServiceAccounts", "NotServiceAccounts", s.NotServiceAccounts, context);
        SecurityValues.TrustDomains($"{path}.trustDomains", "TrustDomains", s.TrustDomains, context);
        SecurityValues.TrustDomains($"{path}.notTrustDomains", "NotTrustDomains", s.NotTrustDomains, context);
    }
}
