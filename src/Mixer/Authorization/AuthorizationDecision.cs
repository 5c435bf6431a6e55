namespace ControlPlane.Mixer.Authorization;

/// <summary>The outcome of a check: allowed, or denied with the policy (<c>namespace/name</c>) and action that denied.</summary>
internal sealed record AuthorizationDecision(bool Allowed, string? Policy, PolicyAction? DeniedBy)
{
    public static AuthorizationDecision Allow { get; } = new(true, null, null);

    /// <summary>Denied because ALLOW policies apply to the workload and none matched.</summary>
    public static AuthorizationDecision NoAllowMatched { get; } = new(false, null, PolicyAction.Allow);

    /// <summary>The 403 body Envoy returns to the caller: names the policy, never its contents.</summary>
    public string DenialText { get; } = DeniedBy switch
    {
        null => string.Empty,
        PolicyAction.Allow => "RBAC: access denied: no ALLOW AuthorizationPolicy matched",
        PolicyAction.Custom => $"RBAC: access denied by CUSTOM AuthorizationPolicy {Policy}",
        _ => $"RBAC: access denied by DENY AuthorizationPolicy {Policy}",
    };
}
