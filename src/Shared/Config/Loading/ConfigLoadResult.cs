namespace ControlPlane.Shared.Config.Loading;

/// <summary>
/// What one load produced: the Istio objects that loaded cleanly, the Kubernetes objects found
/// beside them, the objects skipped as foreign, and every error met on the way. An object with
/// an error is in none of the object lists; its neighbours are unaffected.
/// </summary>
public sealed class ConfigLoadResult(
    IReadOnlyList<ConfigObject> objects,
    IReadOnlyList<KubernetesObject> kubernetesObjects,
    IReadOnlyList<SkippedObject> skipped,
    IReadOnlyList<ConfigDiagnostic> diagnostics)
{
    public static ConfigLoadResult Empty { get; } = new([], [], [], []);

    /// <summary>Istio objects with a typed spec, in the order they were read.</summary>
    public IReadOnlyList<ConfigObject> Objects { get; } = objects;

    /// <summary>Core Kubernetes objects (Service, Pod, Namespace, Deployment, ...), in the order read.</summary>
    public IReadOnlyList<KubernetesObject> KubernetesObjects { get; } = kubernetesObjects;

    /// <summary>Objects of groups the control plane does not model.</summary>
    public IReadOnlyList<SkippedObject> Skipped { get; } = skipped;

    /// <summary>Every problem found, each with file, line, column, object and field path where known.</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Whether any diagnostic is an error (some object, or some file, was not loaded).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
