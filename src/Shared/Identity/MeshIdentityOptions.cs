namespace ControlPlane.Shared.Identity;

/// <summary>
/// The mesh's naming settings every service shares, bound from the <c>Mesh</c> configuration
/// section (<c>--trust-domain</c>, <c>--cluster-domain</c>). They are apart on purpose: the trust
/// domain names identities (<c>spiffe://TRUST_DOMAIN/ns/NS/sa/SA</c>), the cluster domain names
/// services (<c>NAME.NS.svc.CLUSTER_DOMAIN</c>), and a cluster may change one without the other.
/// </summary>
public sealed class MeshIdentityOptions
{
    public const string Section = "Mesh";
    public const string DefaultTrustDomain = "cluster.local";
    public const string DefaultClusterDomain = "cluster.local";

    /// <summary>The trust domain of every SPIFFE id the mesh issues and expects.</summary>
    public string TrustDomain { get; set; } = DefaultTrustDomain;

    /// <summary>The DNS suffix of Kubernetes services, after <c>svc.</c>.</summary>
    public string ClusterDomain { get; set; } = DefaultClusterDomain;

    /// <summary>What is wrong with these settings, naming the flag; null when they are usable.</summary>
    public string? Problem()
    {
        if (!SpiffeId.TryParse($"spiffe://{TrustDomain}", out var id, out var error) || id.Path.Length > 0)
        {
            return $"{MeshIdentityRegistration.TrustDomainFlag.Name}: '{TrustDomain}' is not a valid trust domain: {error ?? "it may not hold '/'"}";
        }

        var labels = ClusterDomain.Split('.');
        if (labels.Any(l => l.Length == 0 || l.Length > 63 || !l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || l[0] == '-' || l[^1] == '-'))
        {
            return $"{MeshIdentityRegistration.ClusterDomainFlag.Name}: '{ClusterDomain}' is not a DNS domain (lower-case labels separated by dots, such as cluster.local)";
        }

        return null;
    }
}
