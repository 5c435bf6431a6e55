using System.Globalization;
using System.Text;
using ControlPlane.Shared.Config;

namespace ControlPlane.Galley.Analysis;

/// <summary>
/// The messages analysis emits. Codes, names, levels and texts are Istio's (istio/istio
/// <c>pkg/config/analysis/msg/messages.yaml</c>) so output compares line by line with istioctl's;
/// the one check Istio has no code for uses our own <c>MSH</c> range.
/// </summary>
internal static class AnalysisMessages
{
    public static MessageType ReferencedResourceNotFoundType { get; } = new("IST0101", "ReferencedResourceNotFound", DiagnosticLevel.Error);

    public static MessageType ConflictingMeshGatewayVirtualServiceHostsType { get; } = new("IST0109", "ConflictingMeshGatewayVirtualServiceHosts", DiagnosticLevel.Error);

    public static MessageType ConflictingSidecarWorkloadSelectorsType { get; } = new("IST0110", "ConflictingSidecarWorkloadSelectors", DiagnosticLevel.Error);

    public static MessageType MultipleSidecarsWithoutWorkloadSelectorsType { get; } = new("IST0111", "MultipleSidecarsWithoutWorkloadSelectors", DiagnosticLevel.Error);

    public static MessageType VirtualServiceDestinationPortSelectorRequiredType { get; } = new("IST0112", "VirtualServiceDestinationPortSelectorRequired", DiagnosticLevel.Error);

    public static MessageType PortNameIsNotUnderNamingConventionType { get; } = new("IST0118", "PortNameIsNotUnderNamingConvention", DiagnosticLevel.Info);

    public static MessageType NoMatchingWorkloadsFoundType { get; } = new("IST0127", "NoMatchingWorkloadsFound", DiagnosticLevel.Warning);

    public static MessageType NoServerCertificateVerificationDestinationLevelType { get; } = new("IST0128", "NoServerCertificateVerificationDestinationLevel", DiagnosticLevel.Warning);

    public static MessageType NoServerCertificateVerificationPortLevelType { get; } = new("IST0129", "NoServerCertificateVerificationPortLevel", DiagnosticLevel.Warning);

    public static MessageType VirtualServiceHostNotFoundInGatewayType { get; } = new("IST0132", "VirtualServiceHostNotFoundInGateway", DiagnosticLevel.Warning);

    public static MessageType ServiceEntryAddressesRequiredType { get; } = new("IST0134", "ServiceEntryAddressesRequired", DiagnosticLevel.Warning);

    public static MessageType ConflictingGatewaysType { get; } = new("IST0145", "ConflictingGateways", DiagnosticLevel.Error);

    public static MessageType DestinationRuleSubsetNotSelectPodsType { get; } = new("IST0173", "DestinationRuleSubsetNotSelectPods", DiagnosticLevel.Error);

    public static MessageType UnknownDestinationRuleHostType { get; } = new("IST0174", "UnknownDestinationRuleHost", DiagnosticLevel.Warning);

    public static MessageType IngressRouteRulesNotAffectedType { get; } = new("IST0140", "IngressRouteRulesNotAffected", DiagnosticLevel.Warning);

    public static MessageType InvalidApplicationUidType { get; } = new("IST0144", "InvalidApplicationUID", DiagnosticLevel.Warning);

    public static MessageType ExternalNameServiceTypeInvalidPortNameType { get; } = new("IST0150", "ExternalNameServiceTypeInvalidPortName", DiagnosticLevel.Warning);

    public static MessageType GatewayPortNotDefinedOnServiceType { get; } = new("IST0162", "GatewayPortNotDefinedOnService", DiagnosticLevel.Warning);

    public static MessageType ReferencedInternalGatewayType { get; } = new("IST0165", "ReferencedInternalGateway", DiagnosticLevel.Warning);

    public static MessageType IneffectivePolicyType { get; } = new("IST0167", "IneffectivePolicy", DiagnosticLevel.Warning);

    /// <summary>Not in Istio's registry: Istio merges such rules silently (first traffic policy wins).</summary>
    public static MessageType ConflictingDestinationRulesHostType { get; } = new("MSH0001", "ConflictingDestinationRulesHost", DiagnosticLevel.Warning);

    /// <summary>Every message type, for validating suppressions and listing.</summary>
    public static IReadOnlyList<MessageType> All { get; } =
    [
        ReferencedResourceNotFoundType, ConflictingMeshGatewayVirtualServiceHostsType,
        ConflictingSidecarWorkloadSelectorsType, MultipleSidecarsWithoutWorkloadSelectorsType,
        VirtualServiceDestinationPortSelectorRequiredType, PortNameIsNotUnderNamingConventionType,
        NoMatchingWorkloadsFoundType, NoServerCertificateVerificationDestinationLevelType, NoServerCertificateVerificationPortLevelType,
        VirtualServiceHostNotFoundInGatewayType, ServiceEntryAddressesRequiredType, ConflictingGatewaysType,
        DestinationRuleSubsetNotSelectPodsType, UnknownDestinationRuleHostType, ConflictingDestinationRulesHostType,
        IngressRouteRulesNotAffectedType, InvalidApplicationUidType, ExternalNameServiceTypeInvalidPortNameType, GatewayPortNotDefinedOnServiceType,
        ReferencedInternalGatewayType, IneffectivePolicyType,
    ];

    public static ConfigDiagnostic ReferencedResourceNotFound(ConfigObject target, string? fieldPath, string referenceType, string referenceValue) =>
        ReferencedResourceNotFoundType.On(target, fieldPath, $"Referenced {referenceType} not found: {Quote(referenceValue)}");

    public static ConfigDiagnostic ConflictingMeshGatewayVirtualServiceHosts(ConfigObject target, string virtualServices, string host) =>
        ConflictingMeshGatewayVirtualServiceHostsType.On(
            target,
            "metadata.name",
            $"The VirtualServices {virtualServices} associated with mesh gateway define the same host {host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.");

    public static ConfigDiagnostic ConflictingSidecarWorkloadSelectors(ConfigObject target, IEnumerable<string> sidecars, string ns, string workload) =>
        ConflictingSidecarWorkloadSelectorsType.On(
            target, "metadata.name", $"The Sidecars {List(sidecars)} in namespace {Quote(ns)} select the same workload pod {Quote(workload)}, which can lead to undefined behavior.");

    public static ConfigDiagnostic MultipleSidecarsWithoutWorkloadSelectors(ConfigObject target, IEnumerable<string> sidecars, string ns) =>
        MultipleSidecarsWithoutWorkloadSelectorsType.On(
            target, "metadata.name", $"The Sidecars {List(sidecars)} in namespace {Quote(ns)} have no workload selector, which can lead to undefined behavior.");

    public static ConfigDiagnostic NoServerCertificateVerificationDestinationLevel(ConfigObject target, string mode, string host) =>
        NoServerCertificateVerificationDestinationLevelType.On(
            target,
            "spec.trafficPolicy.tls",
            $"DestinationRule {target.Meta.Key} in namespace {target.Meta.Namespace} has TLS mode set to {mode} but no caCertificates are set to validate server identity for host: {host}");

    public static ConfigDiagnostic NoServerCertificateVerificationPortLevel(ConfigObject target, string fieldPath, string mode, string host, string port) =>
        NoServerCertificateVerificationPortLevelType.On(
            target,
            fieldPath,
            $"DestinationRule {target.Meta.Key} in namespace {target.Meta.Namespace} has TLS mode set to {mode} but no caCertificates are set to validate server identity for host: {host} at port {port}");

    public static ConfigDiagnostic VirtualServiceDestinationPortSelectorRequired(ConfigObject target, string fieldPath, string host, IEnumerable<uint> ports) =>
        VirtualServiceDestinationPortSelectorRequiredType.On(
            target,
            fieldPath,
            $"This VirtualService routes to a service {Quote(host)} that exposes multiple ports {List(ports.Select(p => p.ToString(CultureInfo.InvariantCulture)))}. Specifying a port in the destination is required to disambiguate.");

    public static ConfigDiagnostic PortNameIsNotUnderNamingConvention(KubernetesObject target, string fieldPath, string portName, long port, string targetPort) =>
        PortNameIsNotUnderNamingConventionType.On(
            target,
            fieldPath,
            $"Port name {portName} (port: {port.ToString(CultureInfo.InvariantCulture)}, targetPort: {targetPort}) doesn't follow the naming convention of Istio port.");

    public static ConfigDiagnostic NoMatchingWorkloadsFound(ConfigObject target, string? fieldPath, string labels) =>
        NoMatchingWorkloadsFoundType.On(target, fieldPath, $"No matching workloads for this resource with the following labels: {labels}");

    public static ConfigDiagnostic VirtualServiceHostNotFoundInGateway(ConfigObject target, string fieldPath, IEnumerable<string> hosts, string virtualService, string gateway) =>
        VirtualServiceHostNotFoundInGatewayType.On(
            target, fieldPath, $"one or more host {List(hosts)} defined in VirtualService {virtualService} not found in Gateway {gateway}.");

    public static ConfigDiagnostic ServiceEntryAddressesRequired(ConfigObject target, string fieldPath) =>
        ServiceEntryAddressesRequiredType.On(target, fieldPath, "ServiceEntry addresses are required for this protocol.");

    public static ConfigDiagnostic ConflictingGateways(ConfigObject target, string fieldPath, string gateways, string selector, uint port, IEnumerable<string> hosts) =>
        ConflictingGatewaysType.On(
            target, fieldPath, $"Conflict with gateways {gateways} (workload selector {selector}, port {port}, hosts {string.Join(',', hosts)}).");

    public static ConfigDiagnostic DestinationRuleSubsetNotSelectPods(ConfigObject target, string fieldPath, string subset) =>
        DestinationRuleSubsetNotSelectPodsType.On(
            target, fieldPath, $"The Subset {subset} defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).");

    public static ConfigDiagnostic UnknownDestinationRuleHost(ConfigObject target, string host) =>
        UnknownDestinationRuleHostType.On(target, "spec.host", $"The host {host} defined in the DestinationRule does not match any services in the mesh.");

    public static ConfigDiagnostic ConflictingDestinationRulesHost(ConfigObject target, string destinationRules, string host) =>
        ConflictingDestinationRulesHostType.On(
            target,
            "spec.host",
            $"The DestinationRules {destinationRules} define the same host {host} in one namespace; they are merged in an unspecified order (only the first traffic policy applies and duplicate subsets are dropped). Merge them into a single resource.");

    public static ConfigDiagnostic IngressRouteRulesNotAffected(ConfigObject target, string fieldPath, string subset, string virtualService) =>
        IngressRouteRulesNotAffectedType.On(target, fieldPath, $"Subset in virtual service {subset} has no effect on ingress gateway {virtualService} requests");

    public static ConfigDiagnostic InvalidApplicationUid(KubernetesObject target, string fieldPath) =>
        InvalidApplicationUidType.On(target, fieldPath, "User ID (UID) 1337 is reserved for the sidecar proxy.");

    public static ConfigDiagnostic ExternalNameServiceTypeInvalidPortName(KubernetesObject target, string fieldPath) =>
        ExternalNameServiceTypeInvalidPortNameType.On(
            target,
            fieldPath,
            "Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly");

    public static ConfigDiagnostic GatewayPortNotDefinedOnService(ConfigObject target, string fieldPath, uint port, string selector) =>
        GatewayPortNotDefinedOnServiceType.On(
            target,
            fieldPath,
            $"The gateway is listening on a target port (port {port.ToString(CultureInfo.InvariantCulture)}) that is not defined in the Service associated with its workload instances (Pod selector {selector}). If you need to access the gateway port through the gateway Service, it will not be available.");

    public static ConfigDiagnostic ReferencedInternalGateway(ConfigObject target, string fieldPath, string virtualService, string gateway) =>
        ReferencedInternalGatewayType.On(
            target, fieldPath, $"Gateway reference in VirtualService {virtualService} is to an implementation-generated internal Gateway: {gateway}.");

    public static ConfigDiagnostic IneffectivePolicy(ConfigObject target, string? fieldPath, string reason) =>
        IneffectivePolicyType.On(target, fieldPath, $"The policy has no impact: {reason}.");

    /// <summary>Go's <c>%q</c> for the plain strings config holds.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>Go's <c>%v</c> of a slice: <c>[a b]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(' ', values) + "]";
}
