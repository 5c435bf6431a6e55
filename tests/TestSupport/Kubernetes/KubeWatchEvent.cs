using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>One change in the double's history: the object after it (for a delete, as last stored, carrying the delete's resourceVersion) and before it.</summary>
internal sealed record KubeWatchEvent(long ResourceVersion, string StorageKey, string Namespace, string Type, JsonObject Object, JsonObject? Previous);
