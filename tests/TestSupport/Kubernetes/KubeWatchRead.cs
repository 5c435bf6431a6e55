using System.Text.Json.Nodes;

namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>What a watch finds in the history: the events to send, a task that completes on the next change, or why it ends.</summary>
internal sealed record KubeWatchRead(List<KubeWatchEvent> Events, Task Changed, long Revision, JsonObject? Gone, bool Closed);
