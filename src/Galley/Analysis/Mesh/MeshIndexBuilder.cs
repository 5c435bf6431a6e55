using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>Builds the <see cref="MeshIndex"/> of one input.</summary>
internal static class MeshIndexBuilder
{
    private const string ExportToAnnotation = "networking.istio.io/exportTo";
    private const string DefaultServiceAccount = "default";
    private static readonly HashSet<string> WorkloadControllers = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"];

    public static MeshIndex Build(AnalysisInput input)
    {
        var workloads = ReadWorkloads(input);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in input.KubernetesObjects)
        {
            namespaces.Add(k.Kind == "Namespace" ? k.Meta.Name : k.Meta.Namespace);
        }

        namespaces.UnionWith(input.Objects.Select(o => o.Meta.Namespace));

        var accounts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (ns, account) in workloads.Select(w => (w.Namespace, w.ServiceAccount))
                     .Concat(input.KubernetesObjects.Where(k => k.Kind == "ServiceAccount").Select(k => (k.Meta.Namespace, k.Meta.Name))))
        {
            if (!accounts.TryGetValue(ns, out var set))
            {
                accounts[ns] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(account);
        }

        var services = new List<MeshService>();
        services.AddRange(input.Objects.Where(o => o.Kind == ConfigKinds.ServiceEntry).SelectMany(o => FromServiceEntry(o, workloads)));
        services.AddRange(input.KubernetesObjects.Where(k => k.Kind == "Service").Select(k => FromService(k, workloads)));

        var gateways = input.Objects.Where(o => o.Kind == ConfigKinds.Gateway)
            .GroupBy(o => o.Meta.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        return new MeshIndex(
            namespaces,
            workloads,
            accounts.ToDictionary(a => a.Key, a => (IReadOnlySet<string>)a.Value, StringComparer.Ordinal),
            services,
            gateways);
    }

    private static List<Workload> ReadWorkloads(AnalysisInput input)
    {
        var workloads = new List<Workload>();
        foreach (var k in input.KubernetesObjects)
        {
            if (k.Kind == "Pod")
            {
                var account = KubernetesFields.String(k.Body, "spec", "serviceAccountName") ?? DefaultServiceAccount;
                workloads.Add(new Workload(k.Meta.Namespace, k.Meta.Labels, account, k.Reference));
            }
            else if (WorkloadControllers.Contains(k.Kind))
            {
                var labels = KubernetesFields.StringMap(k.Body, "spec", "template", "metadata", "labels");
                var account = KubernetesFields.String(k.Body, "spec", "template", "spec", "serviceAccountName") ?? DefaultServiceAccount;
                workloads.Add(new Workload(k.Meta.Namespace, labels, account, k.Reference));
            }
        }

        foreach (var o in input.Objects.Where(o => o.Kind == ConfigKinds.WorkloadEntry))
        {
            var entry = o.SpecAs<WorkloadEntry>();
            var account = string.IsNullOrEmpty(entry.ServiceAccount) ? DefaultServiceAccount : entry.ServiceAccount;
            workloads.Add(new Workload(o.Meta.Namespace, entry.Labels, account, o.Reference));
        }

        return workloads;
    }

    private static IEnumerable<MeshService> FromServiceEntry(ConfigObject o, List<Workload> workloads)
    {
        var entry = o.SpecAs<ServiceEntry>();
        var ports = entry.Ports.Select(p => new ServicePort(p.Number, p.Name, p.Protocol)).ToList();
        IReadOnlyList<IReadOnlyDictionary<string, string>>? instances;
        if (entry.WorkloadSelector is { } selector)
        {
            instances = workloads.Count == 0
                ? null
                : workloads.Where(w => w.Namespace == o.Meta.Namespace && Labels.Selects(selector.Labels, w.Labels)).Select(w => w.Labels).ToList();
        }
        else if (entry.Endpoints.Count > 0)
        {
            instances = entry.Endpoints.Select(e => (IReadOnlyDictionary<string, string>)e.Labels).ToList();
        }
        else
        {
            // DNS or NONE resolution without endpoints: the hosts themselves, carrying no labels.
            instances = [Labels.None];
        }

        var exportTo = ExportTo.Resolve(entry.ExportTo, o.Meta.Namespace);
        return entry.Hosts.Select(h => new MeshService(Hosts.ToFqdn(h, o.Meta.Namespace), o.Meta.Namespace, exportTo, ports, instances, o.Reference));
    }

    private static MeshService FromService(KubernetesObject k, List<Workload> workloads)
    {
        var ports = KubernetesFields.Objects(k.Body, "spec", "ports")
            .Select(p => new ServicePort(
                (uint)Math.Clamp(KubernetesFields.Number(p, "port") ?? 0, 0, uint.MaxValue),
                KubernetesFields.String(p, "name") ?? string.Empty,
                KubernetesFields.String(p, "protocol") ?? "TCP"))
            .ToList();
        var selector = KubernetesFields.StringMap(k.Body, "spec", "selector");
        IReadOnlyList<IReadOnlyDictionary<string, string>>? instances = selector.Count == 0 || workloads.Count == 0
            ? null
            : workloads.Where(w => w.Namespace == k.Meta.Namespace && Labels.Selects(selector, w.Labels)).Select(w => w.Labels).ToList();
        k.Meta.Annotations.TryGetValue(ExportToAnnotation, out var exportTo);
        return new MeshService(
            Hosts.ToFqdn(k.Meta.Name, k.Meta.Namespace),
            k.Meta.Namespace,
            ExportTo.FromAnnotation(exportTo, k.Meta.Namespace),
            ports,
            instances,
            k.Reference);
    }
}
