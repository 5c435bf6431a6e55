using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Reads the workload of a proxy from its xDS node, as Istio's sidecars describe themselves: node
/// metadata <c>WORKLOAD_NAME</c>, <c>NAMESPACE</c> and <c>LABELS.version</c>; failing those, the node
/// id <c>sidecar~IP~POD.NAMESPACE~NAMESPACE.svc.cluster.local</c>, whose pod name loses its
/// ReplicaSet and pod hash suffixes (<c>reviews-v2-5b64f47978-abcde</c> is workload <c>reviews-v2</c>).
/// </summary>
internal static class NodeIdentityReader
{
    public static WorkloadIdentity Read(Node? node)
    {
        if (node is null)
        {
            return WorkloadIdentity.None;
        }

        var fields = node.Metadata?.Fields;
        var workload = StringField(fields, "WORKLOAD_NAME");
        var ns = StringField(fields, "NAMESPACE");
        var version = fields is not null && fields.TryGetValue("LABELS", out var labels) && labels.KindCase == Value.KindOneofCase.StructValue
            ? StringField(labels.StructValue.Fields, "version") ?? StringField(labels.StructValue.Fields, "app.kubernetes.io/version")
            : null;

        if (workload is null || ns is null)
        {
            var (podWorkload, podNamespace) = FromNodeId(node.Id);
            workload ??= podWorkload;
            ns ??= podNamespace;
        }

        return new WorkloadIdentity(workload ?? WorkloadIdentity.Unknown, ns ?? WorkloadIdentity.Unknown, version ?? WorkloadIdentity.Unknown);
    }

    private static (string? Workload, string? Namespace) FromNodeId(string id)
    {
        var parts = id.Split('~');
        if (parts.Length != 4)
        {
            return (null, null);
        }

        var dot = parts[2].LastIndexOf('.');
        if (dot <= 0 || dot == parts[2].Length - 1)
        {
            return (null, null);
        }

        return (WorkloadFromPod(parts[2][..dot]), parts[2][(dot + 1)..]);
    }

    /// <summary>Drops a Deployment pod's <c>-&lt;replicaset hash&gt;-&lt;5 char id&gt;</c> suffix.</summary>
    internal static string WorkloadFromPod(string pod)
    {
        var segments = pod.Split('-');
        if (segments.Length >= 3 && segments[^1].Length == 5 && segments[^2].Length is >= 6 and <= 10 && segments[^2].All(char.IsLetterOrDigit))
        {
            return string.Join('-', segments[..^2]);
        }

        return pod;
    }

    private static string? StringField(IDictionary<string, Value>? fields, string name) =>
        fields is not null && fields.TryGetValue(name, out var value) && value.KindCase == Value.KindOneofCase.StringValue && value.StringValue.Length > 0
            ? value.StringValue
            : null;
}
