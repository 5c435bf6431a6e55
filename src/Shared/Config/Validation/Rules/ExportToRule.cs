using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Google.Protobuf.Collections;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// <c>exportTo</c> of VirtualServices, DestinationRules and ServiceEntries: <c>.</c>, <c>*</c>,
/// <c>~</c> (ServiceEntry only) or namespace names; no duplicates; <c>*</c> and <c>~</c> alone.
/// </summary>
internal sealed class ExportToRule : IValidationRule
{
    public IReadOnlyList<ConfigKind> Kinds { get; } = [ConfigKinds.VirtualService, ConfigKinds.DestinationRule, ConfigKinds.ServiceEntry];

    public void Validate(ValidationContext context)
    {
        var spec = context.Config.Spec;
        var (exportTo, isServiceEntry, hasWorkloadSelector) = spec switch
        {
            VirtualService vs => (vs.ExportTo, false, false),
            DestinationRule dr => (dr.ExportTo, false, dr.WorkloadSelector is not null),
            ServiceEntry se => (se.ExportTo, true, false),
            _ => (new RepeatedField<string>(), false, false),
        };
        Check(exportTo, context.Config.Meta.Namespace, isServiceEntry, hasWorkloadSelector, context);
    }

    private static void Check(RepeatedField<string> exportTo, string ns, bool isServiceEntry, bool hasWorkloadSelector, ValidationContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exportTo.Count; i++)
        {
            var entry = exportTo[i];
            var path = $"spec.exportTo[{i}]";
            var effective = entry == "." ? ns : entry;
            if (!seen.Add(effective))
            {
                context.Error(path, entry == "." || entry == ns
                    ? $"duplicate entries in exportTo: . and current namespace {ns}"
                    : $"duplicate entries in exportTo for entry {entry}");
            }
            else if (entry == "~" && !isServiceEntry)
            {
                context.Error(path, "exportTo ~ (no namespace) is only allowed for service entries");
            }
            else if (entry is not ("." or "*" or "~") && !Hosts.IsDns1123Label(entry))
            {
                context.Error(path, $"only .(current namespace), *(all namespaces) or a valid namespace name is allowed in exportTo, found {entry}");
            }
        }

        if (seen.Contains("*") && seen.Count > 1)
        {
            context.Error("spec.exportTo", "cannot have both public (*) and non-public exportTo values for a resource");
        }

        if (seen.Contains("~") && seen.Count > 1)
        {
            context.Error("spec.exportTo", "cannot export service entry to no one (~) and someone");
        }

        if (hasWorkloadSelector && exportTo.Count > 0)
        {
            if (exportTo.Count > 1)
            {
                context.Error("spec.exportTo", "destination rule with workload selector cannot have multiple entries in exportTo");
            }
            else if (exportTo[0] != "." && exportTo[0] != ns)
            {
                context.Error("spec.exportTo[0]", "destination rule with workload selector cannot have exportTo beyond current namespace");
            }
        }
    }
}
