namespace ControlPlane.Shared.Registry;

/// <summary>Equality-based label selection, as Kubernetes <c>matchLabels</c> and Istio selectors work.</summary>
public static class LabelSelector
{
    /// <summary>No labels.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>();

    /// <summary>Whether every key/value of <paramref name="selector"/> is in <paramref name="labels"/> (an empty selector selects all).</summary>
    public static bool Selects(IEnumerable<KeyValuePair<string, string>> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    /// <summary>The selector as Kubernetes prints it: <c>app=reviews,version=v1</c>, keys sorted.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> selector) =>
        string.Join(',', selector.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
}
