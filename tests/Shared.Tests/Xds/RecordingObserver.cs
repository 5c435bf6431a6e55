using System.Collections.Concurrent;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;

namespace ControlPlane.Shared.Tests.Xds;

/// <summary>Records every stream event as a line, e.g. <c>nack TYPE v2 msg</c>.</summary>
internal sealed class RecordingObserver : IXdsStreamObserver
{
    public ConcurrentQueue<string> Events { get; } = new();

    public IReadOnlyList<string> Matching(string prefix) => Events.Where(e => e.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    public void StreamOpened(XdsStreamContext stream) => Events.Enqueue($"open {stream.NodeId}");

    public void StreamClosed(XdsStreamContext stream, string? reason) => Events.Enqueue($"close {stream.NodeId}");

    public void ResponseSent(XdsStreamContext stream, XdsSentResponse response) =>
        Events.Enqueue($"sent {response.TypeUrl} {response.Version} {response.ResourceCount}");

    public void Acked(XdsStreamContext stream, string typeUrl, string version, string nonce) => Events.Enqueue($"ack {typeUrl} {version}");

    public void Nacked(XdsStreamContext stream, string typeUrl, string version, string nonce, string errorMessage) =>
        Events.Enqueue($"nack {typeUrl} {version} {errorMessage}");

    public void StreamCut(XdsStreamContext stream) => Events.Enqueue($"cut {stream.NodeId}");
}
