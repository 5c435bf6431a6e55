using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Sidecar egress listeners: hosts in <c>namespace/host</c> form, at least one each; the one
/// listener without a port last; ports in range and unique; <c>*/*</c> alone.
/// </summary>
internal sealed class SidecarEgressRule() : ValidationRule<Sidecar>(ConfigKinds.Sidecar)
{
    protected override void Validate(Sidecar spec, ValidationContext context)
    {
        var ports = new HashSet<uint>();
        var catchAll = false;
        for (var i = 0; i < spec.Egress.Count; i++)
        {
            var egress = spec.Egress[i];
            var path = $"spec.egress[{i}]";
            if (egress.Port is null)
            {
                if (catchAll)
                {
                    context.Error(path, "sidecar: egress can have only one listener with empty port");
                }
                else if (i != spec.Egress.Count - 1)
                {
                    context.Error(path, "sidecar: the egress listener with empty port should be the last listener in the list");
                }

                catchAll = true;
            }
            else
            {
                var unixBind = egress.Bind.StartsWith(WorkloadEntryRule.UnixPrefix, StringComparison.Ordinal);
                if (egress.Port.Number != 0 || !unixBind)
                {
                    context.ErrorIf($"{path}.port.number", Ports.CheckNumber(egress.Port.Number));
                }

                if (egress.Port.TargetPort > 0)
                {
                    context.Error($"{path}.port.targetPort", "targetPort has no impact on Sidecars");
                }

                if (egress.Port.Number != 0 && !ports.Add(egress.Port.Number))
                {
                    context.Error($"{path}.port.number", "sidecar: ports on IP bound listeners must be unique");
                }
            }

            CheckHosts(path, egress, context);
        }
    }

    private static void CheckHosts(string path, IstioEgressListener egress, ValidationContext context)
    {
        if (egress.Hosts.Count == 0)
        {
            context.Error($"{path}.hosts", "sidecar: egress listener must contain at least one host");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 0; h < egress.Hosts.Count; h++)
        {
            var host = egress.Hosts[h];
            foreach (var error in NamespacedHosts.Check(host, isGateway: false))
            {
                context.Error($"{path}.hosts[{h}]", error);
            }

            if (!seen.Add(host))
            {
                context.Warning($"{path}.hosts[{h}]", $"duplicated egress host: {host}");
            }
        }

        if (seen.Contains("*/*") && seen.Count > 1)
        {
            context.Warning($"{path}.hosts", "`*/*` host select all resources, no other hosts can be added");
        }
    }
}
