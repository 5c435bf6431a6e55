using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Registry;

/// <summary>
/// Feeds the registry from core Kubernetes objects as they appear beside Istio config: Services
/// (ports, selector, the <c>networking.istio.io/exportTo</c> annotation), Pods and the pod templates
/// of workload controllers. The informer source will add Services, EndpointSlices, Pods and Nodes
/// the same way, as <see cref="MeshService"/> and <see cref="Workload"/> values.
/// </summary>
public static class KubernetesSource
{
    private const string DefaultServiceAccount = "default";
    private static readonly HashSet<string> WorkloadControllers = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"];

    /// <summary>Adds the Services, Pods and workload controllers among <paramref name="objects"/>, in input order.</summary>
    public static RegistryBuilder AddTo(RegistryBuilder builder, IReadOnlyCollection<KubernetesObject> objects) =>
        AddServices(AddWorkloads(builder, objects), objects);

    /// <summary>Adds the Pods and the pod templates of workload controllers among <paramref name="objects"/>, in input order.</summary>
    public static RegistryBuilder AddWorkloads(RegistryBuilder builder, IEnumerable<KubernetesObject> objects)
    {
        foreach (var k in objects)
        {
            if (ToWorkload(k) is { } workload)
            {
                builder.Add(workload);
            }
        }

        return builder;
    }

    /// <summary>Adds the Services among <paramref name="objects"/>, in input order.</summary>
    public static RegistryBuilder AddServices(RegistryBuilder builder, IEnumerable<KubernetesObject> objects)
    {
        foreach (var k in objects.Where(k => k.Kind == "Service"))
        {
            builder.Add(ToService(k, builder.Identity.ClusterDomain));
        }

        return builder;
    }

    private static Workload? ToWorkload(KubernetesObject k)
    {
        if (k.Kind == "Pod")
        {
            var account = KubernetesFields.String(k.Body, "spec", "serviceAccountName") ?? DefaultServiceAccount;
            var address = KubernetesFields.String(k.Body, "status", "podIP") ?? string.Empty;
            return Workload.Selectable(k.Meta.Namespace, k.Meta.Labels, account, k.Reference, address);
        }

        if (WorkloadControllers.Contains(k.Kind))
        {
            var labels = KubernetesFields.StringMap(k.Body, "spec", "template", "metadata", "labels");
            var account = KubernetesFields.String(k.Body, "spec", "template", "spec", "serviceAccountName") ?? DefaultServiceAccount;
            return Workload.Selectable(k.Meta.Namespace, labels, account, k.Reference);
        }

        return null;
    }

    private static MeshService ToService(KubernetesObject k, string clusterDomain)
    {
        var ports = KubernetesFields.Objects(k.Body, "spec", "ports")
            .Select(p => new ServicePort(
                KubernetesFields.String(p, "name") ?? string.Empty,
                (int)Math.Clamp(KubernetesFields.Number(p, "port") ?? 0, 0, int.MaxValue),
                KubernetesFields.String(p, "protocol") ?? "TCP",
                (int)Math.Clamp(KubernetesFields.Number(p, "targetPort") ?? 0, 0, int.MaxValue)))
            .ToList();
        var selector = KubernetesFields.StringMap(k.Body, "spec", "selector");
        k.Meta.Annotations.TryGetValue(ExportTo.Annotation, out var exportTo);
        return new MeshService
        {
            Hostname = Fqdn.Qualify(k.Meta.Name, k.Meta.Namespace, clusterDomain),
            Namespace = k.Meta.Namespace,
            Ports = ports,
            ExportTo = ExportTo.FromAnnotation(exportTo, k.Meta.Namespace),
            // A Service without a selector has its endpoints managed by hand (EndpointSlices), not selected.
            Selector = selector.Count == 0 ? null : selector,
            Origin = ServiceOrigin.Kubernetes,
            Reference = k.Reference,
        };
    }
}
