namespace ControlPlane.Shared.Config;

/// <summary>The parts of Kubernetes <c>metadata</c> the control plane reads.</summary>
public sealed record ObjectMeta(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    public const string DefaultNamespace = "default";

    public static ObjectMeta Create(string name, string? ns = null) =>
        new(name, ns ?? DefaultNamespace, new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary><c>namespace/name</c>, the resource name used in distribution.</summary>
    public string Key => $"{Namespace}/{Name}";
}
