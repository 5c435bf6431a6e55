namespace ControlPlane.Mixer.RateLimit;

/// <summary>The compiled descriptor tree of one rate-limit domain.</summary>
internal sealed class RateLimitDomain(string name, string source, IReadOnlyDictionary<string, DescriptorNode> roots)
{
    public string Name { get; } = name;

    /// <summary>The config object it came from, for debug output: <c>RateLimitConfig ns/name</c>.</summary>
    public string Source { get; } = source;

    public IReadOnlyDictionary<string, DescriptorNode> Roots { get; } = roots;

    /// <summary>
    /// The rule for a request descriptor, following envoyproxy/ratelimit: each entry first looks
    /// for a child with its exact value, then for one matching any value; the rule applies only
    /// when the descriptor's last entry lands on a node that has one.
    /// </summary>
    public RateLimitRule? Find(IReadOnlyList<DescriptorEntry> entries)
    {
        var level = Roots;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!level.TryGetValue(DescriptorNode.ChildKey(entry.Key, entry.Value), out var node) &&
                !level.TryGetValue(entry.Key, out node))
            {
                return null;
            }

            if (i == entries.Count - 1)
            {
                return node.Rule;
            }

            level = node.Children;
        }

        return null;
    }
}
