namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>
/// The resource types the double serves, as discovery lists them. A test may add or remove a type
/// while the double runs, e.g. to see how a client treats a CRD that is not installed.
/// </summary>
public sealed class KubeResourceCatalog
{
    private static readonly string[] NetworkingVersions = ["v1", "v1beta1", "v1alpha3"];
    private static readonly string[] SecurityVersions = ["v1", "v1beta1"];
    private readonly object _gate = new();
    private readonly List<KubeResourceType> _types = [];

    /// <summary>Core, discovery, coordination and authentication types, the Istio kinds at every version Istio serves, and RateLimitConfig.</summary>
    public static KubeResourceCatalog CreateDefault()
    {
        var catalog = new KubeResourceCatalog();
        catalog.Add(new("", ["v1"], "Namespace", "namespaces", Namespaced: false, HasStatus: true, ShortNames: ["ns"]));
        catalog.Add(new("", ["v1"], "Service", "services", Namespaced: true, HasStatus: true, ShortNames: ["svc"]));
        catalog.Add(new("", ["v1"], "Pod", "pods", Namespaced: true, HasStatus: true, ShortNames: ["po"]));
        catalog.Add(new("", ["v1"], "Node", "nodes", Namespaced: false, HasStatus: true, ShortNames: ["no"]));
        catalog.Add(new("", ["v1"], "Secret", "secrets", Namespaced: true));
        catalog.Add(new("", ["v1"], "ConfigMap", "configmaps", Namespaced: true, ShortNames: ["cm"]));
        catalog.Add(new("", ["v1"], "ServiceAccount", "serviceaccounts", Namespaced: true, ShortNames: ["sa"]));
        catalog.Add(new("discovery.k8s.io", ["v1"], "EndpointSlice", "endpointslices", Namespaced: true));
        catalog.Add(new("coordination.k8s.io", ["v1"], "Lease", "leases", Namespaced: true));
        catalog.Add(new("authentication.k8s.io", ["v1"], "TokenReview", "tokenreviews", Namespaced: false));
        catalog.Add(new("networking.istio.io", NetworkingVersions, "VirtualService", "virtualservices", true, true, ["vs"]));
        catalog.Add(new("networking.istio.io", NetworkingVersions, "DestinationRule", "destinationrules", true, true, ["dr"]));
        catalog.Add(new("networking.istio.io", NetworkingVersions, "Gateway", "gateways", true, true, ["gw"]));
        catalog.Add(new("networking.istio.io", NetworkingVersions, "ServiceEntry", "serviceentries", true, true, ["se"]));
        catalog.Add(new("networking.istio.io", NetworkingVersions, "WorkloadEntry", "workloadentries", true, true, ["we"]));
        catalog.Add(new("networking.istio.io", NetworkingVersions, "Sidecar", "sidecars", true, true));
        catalog.Add(new("security.istio.io", SecurityVersions, "PeerAuthentication", "peerauthentications", true, true, ["pa"]));
        catalog.Add(new("security.istio.io", SecurityVersions, "RequestAuthentication", "requestauthentications", true, true, ["ra"]));
        catalog.Add(new("security.istio.io", SecurityVersions, "AuthorizationPolicy", "authorizationpolicies", true, true, ["ap"]));
        catalog.Add(new("policy.meshd.io", ["v1alpha1"], "RateLimitConfig", "ratelimitconfigs", true, true));
        return catalog;
    }

    public IReadOnlyList<KubeResourceType> Types
    {
        get
        {
            lock (_gate)
            {
                return [.. _types];
            }
        }
    }

    public void Add(KubeResourceType type)
    {
        lock (_gate)
        {
            _types.RemoveAll(t => t.StorageKey == type.StorageKey);
            _types.Add(type);
        }
    }

    /// <summary>Stops serving a type (its paths answer 404, as for a CRD that is not installed); stored objects stay.</summary>
    public bool Remove(string group, string plural)
    {
        lock (_gate)
        {
            return _types.RemoveAll(t => t.Group == group && t.Plural == plural) > 0;
        }
    }

    public KubeResourceType? Find(string group, string version, string plural) =>
        Types.FirstOrDefault(t => t.Group == group && t.Plural == plural && t.Versions.Contains(version));

    public KubeResourceType? FindByKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        return Types.FirstOrDefault(t => t.Group == group && t.Kind == kind && t.Versions.Contains(version));
    }
}
