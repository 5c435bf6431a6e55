using ControlPlane.Shared.Config;
using ControlPlane.Shared.Identity;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Galley.Analysis.Mesh;

/// <summary>Builds the <see cref="MeshIndex"/> of one input, its registry through the shared sources.</summary>
internal static class MeshIndexBuilder
{
    private const string DefaultServiceAccount = "default";

    public static MeshIndex Build(AnalysisInput input)
    {
        // Kubernetes workloads before WorkloadEntries, ServiceEntry hosts before Kubernetes Services:
        // the order analysis has always reported and resolved them in.
        var builder = new RegistryBuilder(new MeshIdentityOptions());
        KubernetesSource.AddWorkloads(builder, input.KubernetesObjects);
        ServiceEntrySource.AddTo(builder, input.Objects);
        KubernetesSource.AddServices(builder, input.KubernetesObjects);
        var registry = builder.Build();

        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in input.KubernetesObjects)
        {
            namespaces.Add(k.Kind == "Namespace" ? k.Meta.Name : k.Meta.Namespace);
        }

        namespaces.UnionWith(input.Objects.Select(o => o.Meta.Namespace));

        var accounts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (ns, account) in registry.Workloads.Select(w => (w.Namespace, w.ServiceAccount.Length == 0 ? DefaultServiceAccount : w.ServiceAccount))
                     .Concat(input.KubernetesObjects.Where(k => k.Kind == "ServiceAccount").Select(k => (k.Meta.Namespace, k.Meta.Name))))
        {
            if (!accounts.TryGetValue(ns, out var set))
            {
                accounts[ns] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(account);
        }

        var gateways = input.Objects.Where(o => o.Kind == ConfigKinds.Gateway)
            .GroupBy(o => o.Meta.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        return new MeshIndex(
            registry,
            namespaces,
            accounts.ToDictionary(a => a.Key, a => (IReadOnlySet<string>)a.Value, StringComparer.Ordinal),
            gateways);
    }
}
