namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>How many compactions and forced closes a watch has seen when it started; a later one ends it.</summary>
internal sealed record KubeWatchEpoch(int Compactions, int Closures);
