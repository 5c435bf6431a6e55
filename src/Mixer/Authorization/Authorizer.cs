namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// Istio's AuthorizationPolicy evaluation for one request to one workload. The policies that apply
/// are those of the root namespace (mesh-wide) and of the workload's namespace whose selector
/// matches its labels. CUSTOM policies are checked first, then DENY, then ALLOW: a matching CUSTOM
/// or DENY policy denies; otherwise, if any ALLOW policy applies, one of them must match; with no
/// ALLOW policy the request is allowed. AUDIT policies never change the decision.
/// Mixer is itself the ext_authz server, so it cannot hand a CUSTOM policy to another provider: a
/// matching CUSTOM policy denies (fail closed). Evaluation allocates nothing.
/// </summary>
internal sealed class Authorizer(IAuthorizationPolicySource policies)
{
    /// <summary>Whether policies are loaded; before that, no request can be judged.</summary>
    public bool IsLoaded => policies.Current.IsLoaded;

    public AuthorizationDecision Check(CheckAttributes request)
    {
        var set = policies.Current;
        var meshWide = set.MeshWide;
        var local = set.InNamespace(request.DestinationNamespace);

        if (FirstMatch(meshWide, local, PolicyAction.Custom, request) is { } custom)
        {
            return custom.Denial;
        }

        if (FirstMatch(meshWide, local, PolicyAction.Deny, request) is { } deny)
        {
            return deny.Denial;
        }

        var anyAllow = false;
        foreach (var list in (ReadOnlySpan<CompiledPolicy[]>)[meshWide, local])
        {
            foreach (var policy in list)
            {
                if (policy.Action != PolicyAction.Allow || !policy.Selects(request.DestinationLabels))
                {
                    continue;
                }

                if (policy.Matches(request))
                {
                    return AuthorizationDecision.Allow;
                }

                anyAllow = true;
            }
        }

        return anyAllow ? AuthorizationDecision.NoAllowMatched : AuthorizationDecision.Allow;
    }

    private static CompiledPolicy? FirstMatch(CompiledPolicy[] meshWide, CompiledPolicy[] local, PolicyAction action, CheckAttributes request) =>
        FirstMatch(meshWide, action, request) ?? FirstMatch(local, action, request);

    private static CompiledPolicy? FirstMatch(CompiledPolicy[] list, PolicyAction action, CheckAttributes request)
    {
        foreach (var policy in list)
        {
            if (policy.Action == action && policy.Selects(request.DestinationLabels) && policy.Matches(request))
            {
                return policy;
            }
        }

        return null;
    }
}
