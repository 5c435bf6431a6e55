namespace ControlPlane.Mixer.RateLimit;

/// <summary>
/// One node of a compiled descriptor tree. Children are keyed <c>key=value</c> for nodes with a value
/// and <c>key</c> for nodes matching any value, so lookup is two dictionary probes per entry.
/// </summary>
internal sealed class DescriptorNode(RateLimitRule? rule, IReadOnlyDictionary<string, DescriptorNode> children)
{
    public static IReadOnlyDictionary<string, DescriptorNode> NoChildren { get; } = new Dictionary<string, DescriptorNode>(StringComparer.Ordinal);

    public RateLimitRule? Rule { get; } = rule;

    public IReadOnlyDictionary<string, DescriptorNode> Children { get; } = children;

    public static string ChildKey(string key, string value) => value.Length == 0 ? key : string.Concat(key, "=", value);
}
