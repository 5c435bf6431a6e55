using ControlPlane.Shared.Config.Validation.Checks;
using ControlPlane.Shared.Config;
using Google.Protobuf.Collections;
using Istio.Security.V1Beta1;
using Networking = Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>
/// Workload selectors (DestinationRule, ServiceEntry, Sidecar, and the security kinds): labels
/// well formed, no empty key, no wildcard; a selector without labels selects every workload in
/// the namespace, which is a warning.
/// </summary>
internal sealed class WorkloadSelectorRule : IValidationRule
{
    public IReadOnlyList<ConfigKind> Kinds { get; } =
    [
        ConfigKinds.DestinationRule, ConfigKinds.ServiceEntry, ConfigKinds.Sidecar,
        ConfigKinds.AuthorizationPolicy, ConfigKinds.PeerAuthentication, ConfigKinds.RequestAuthentication,
    ];

    public void Validate(ValidationContext context)
    {
        var (path, labels) = context.Config.Spec switch
        {
            Networking.DestinationRule { WorkloadSelector: { } s } => ("spec.workloadSelector.matchLabels", s.MatchLabels),
            Networking.ServiceEntry { WorkloadSelector: { } s } => ("spec.workloadSelector.labels", s.Labels),
            Networking.Sidecar { WorkloadSelector: { } s } => ("spec.workloadSelector.labels", s.Labels),
            AuthorizationPolicy { Selector: { } s } => ("spec.selector.matchLabels", s.MatchLabels),
            PeerAuthentication { Selector: { } s } => ("spec.selector.matchLabels", s.MatchLabels),
            RequestAuthentication { Selector: { } s } => ("spec.selector.matchLabels", s.MatchLabels),
            _ => (null, null),
        };
        if (path is not null && labels is not null)
        {
            Check(path, labels, context);
        }
    }

    private static void Check(string path, MapField<string, string> labels, ValidationContext context)
    {
        if (labels.Count == 0)
        {
            context.Warning(path[..path.LastIndexOf('.')], "workload selector specified without labels, will be applied to all workloads in the namespace");
            return;
        }

        foreach (var (key, value) in labels)
        {
            var labelPath = FieldPaths.Key(path, key);
            if (key.Length == 0)
            {
                context.Error(labelPath, $"empty key is not supported in selector: \"{key}={value}\"");
            }
            else if (key.Contains('*', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
            {
                context.Error(labelPath, $"wildcard is not supported in selector: \"{key}={value}\"");
            }
        }

        foreach (var (key, message) in Labels.Check(labels.Where(l => l.Key.Length > 0 && !l.Key.Contains('*') && !l.Value.Contains('*'))))
        {
            context.Error(FieldPaths.Key(path, key), message);
        }
    }
}
