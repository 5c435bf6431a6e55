namespace ControlPlane.Galley.Validation.Rules;

/// <summary>Every validation rule, in the order their messages are reported.</summary>
internal static class ValidationRules
{
    public static IReadOnlyList<IValidationRule> All { get; } =
    [
        new VirtualServiceHostsRule(),
        new VirtualServiceGatewaysRule(),
        new VirtualServiceRoutesRule(),
        new VirtualServiceMatchRule(),
        new VirtualServiceL4MatchRule(),
        new VirtualServiceDestinationsRule(),
        new VirtualServiceWeightsRule(),
        new VirtualServiceRetriesRule(),
        new VirtualServiceFaultRule(),
        new VirtualServiceRedirectRule(),
        new VirtualServiceMirrorRule(),
        new VirtualServiceHeadersRule(),
        new DestinationRuleHostRule(),
        new DestinationRuleSubsetsRule(),
        new DestinationRuleTrafficPolicyRule(),
        new DestinationRuleLoadBalancerRule(),
        new DestinationRuleConnectionPoolRule(),
        new DestinationRuleOutlierDetectionRule(),
        new DestinationRuleTlsRule(),
        new ExportToRule(),
        new WorkloadSelectorRule(),
        new GatewayServersRule(),
        new GatewayServerPortRule(),
        new GatewayServerTlsRule(),
        new ServiceEntryHostsRule(),
        new ServiceEntryAddressesRule(),
        new ServiceEntryPortsRule(),
        new ServiceEntryResolutionRule(),
        new ServiceEntryEndpointsRule(),
        new WorkloadEntryRule(),
        new SidecarRule(),
        new SidecarIngressRule(),
        new SidecarEgressRule(),
        new AuthorizationPolicyActionRule(),
        new AuthorizationPolicySourceRule(),
        new AuthorizationPolicyOperationRule(),
        new AuthorizationPolicyConditionRule(),
        new PolicyTargetRule(),
        new PeerAuthenticationRule(),
        new RequestAuthenticationRule(),
    ];
}
