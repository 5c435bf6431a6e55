namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// An AuthorizationPolicy ready to evaluate: where it applies (namespace and selector labels) and
/// its rules. A request matches the policy when any rule matches; no rules match nothing.
/// </summary>
internal sealed class CompiledPolicy(string ns, string name, PolicyAction action, KeyValuePair<string, string>[] selector, CompiledRule[] rules, string? provider)
{
    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public PolicyAction Action { get; } = action;

    /// <summary>The CUSTOM action's extension provider name.</summary>
    public string? Provider { get; } = provider;

    /// <summary><c>namespace/name</c>, as a denial names the policy.</summary>
    public string Key => Denial.Policy!;

    /// <summary>
    /// What a request this policy matches gets if the policy denies (CUSTOM or DENY); made once, so
    /// denying allocates nothing.
    /// </summary>
    public AuthorizationDecision Denial { get; } = new(false, $"{ns}/{name}", action);

    /// <summary>Whether the workload with <paramref name="labels"/> is selected (an empty selector selects all).</summary>
    public bool Selects(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    public bool Matches(CheckAttributes request)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(request))
            {
                return true;
            }
        }

        return false;
    }
}
