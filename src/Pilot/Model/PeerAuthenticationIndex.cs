using ControlPlane.Shared.Config;
using ControlPlane.Shared.Registry;
using Istio.Security.V1Beta1;
using Mode = Istio.Security.V1Beta1.PeerAuthentication.Types.MutualTLS.Types.Mode;

namespace ControlPlane.Pilot.Model;

/// <summary>
/// PeerAuthentication with Istio's precedence
/// (https://istio.io/latest/docs/reference/config/security/peer_authentication/): the workload's own
/// policy (a selector in its namespace) over its namespace's (no selector) over the mesh's (the
/// root namespace, no selector); an UNSET mode inherits from the level above, and nothing set at
/// all is PERMISSIVE. Port-level modes count only on a policy with a selector, as in Istio, and an
/// UNSET port inherits the workload's mode. Several policies at one level: the first by name wins
/// (Istio takes the oldest; files carry no creation time).
/// </summary>
internal sealed class PeerAuthenticationIndex
{
    private readonly IReadOnlyList<(string Namespace, string Name, PeerAuthentication Spec)> _policies;
    private readonly string _rootNamespace;

    private PeerAuthenticationIndex(IReadOnlyList<(string, string, PeerAuthentication)> policies, string rootNamespace)
    {
        _policies = policies;
        _rootNamespace = rootNamespace;
    }

    public static PeerAuthenticationIndex Empty { get; } = new([], MeshSnapshot.DefaultRootNamespace);

    public static PeerAuthenticationIndex Build(IEnumerable<ConfigObject> objects, string rootNamespace) =>
        new(objects
            .Where(o => o.Spec is PeerAuthentication)
            .Select(o => (o.Meta.Namespace, o.Meta.Name, o.SpecAs<PeerAuthentication>()))
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)
            .ToList(), rootNamespace);

    /// <summary>The mode of <paramref name="port"/> (the port the workload listens on) of <paramref name="workload"/>.</summary>
    public MtlsMode ModeFor(WorkloadIdentityRef workload, int port)
    {
        var mode = Mode.Permissive;
        mode = Inherit(mode, Find(_rootNamespace, null)?.Mtls?.Mode);
        if (workload.Namespace is { } ns)
        {
            if (ns != _rootNamespace)
            {
                mode = Inherit(mode, Find(ns, null)?.Mtls?.Mode);
            }

            if (Find(ns, workload.Labels) is { } own)
            {
                mode = Inherit(mode, own.Mtls?.Mode);
                if (own.PortLevelMtls.TryGetValue((uint)port, out var portLevel))
                {
                    mode = Inherit(mode, portLevel.Mode);
                }
            }
        }

        return mode switch
        {
            Mode.Disable => MtlsMode.Disable,
            Mode.Strict => MtlsMode.Strict,
            _ => MtlsMode.Permissive,
        };
    }

    private static Mode Inherit(Mode current, Mode? level) => level is null or Mode.Unset ? current : level.Value;

    /// <summary>The first policy in <paramref name="ns"/> without a selector (null labels), or with one selecting <paramref name="labels"/>.</summary>
    private PeerAuthentication? Find(string ns, IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var (policyNs, _, spec) in _policies)
        {
            if (policyNs != ns)
            {
                continue;
            }

            var hasSelector = spec.Selector is { MatchLabels.Count: > 0 };
            if (labels is null ? !hasSelector : hasSelector && LabelSelector.Selects(spec.Selector!.MatchLabels, labels))
            {
                return spec;
            }
        }

        return null;
    }
}
