using ControlPlane.Shared.Xds;
using Grpc.Core;

namespace ControlPlane.Shared.Config.Distribution;

/// <summary>How a <see cref="GalleyConfigSubscriber"/> reaches Galley and what it accepts.</summary>
public sealed class GalleySubscriptionOptions
{
    /// <summary>Galley's distribution port, e.g. <c>http://127.0.0.1:9901</c> (ignored when <see cref="CallInvoker"/> is set).</summary>
    public Uri? Address { get; set; }

    /// <summary>An existing gRPC channel to share instead of <see cref="Address"/>.</summary>
    public CallInvoker? CallInvoker { get; set; }

    /// <summary>The node id this subscriber shows in Galley's status (<c>pilot~host~pid</c>).</summary>
    public string NodeId { get; set; } = $"config-subscriber~{Environment.MachineName}~{Environment.ProcessId}";

    /// <summary>Delta ADS (default: only changes travel) or state of the world.</summary>
    public XdsProtocol Protocol { get; set; } = XdsProtocol.Delta;

    /// <summary>
    /// Optional consumer check on each received object: return an error to refuse the response
    /// carrying it (a NACK Galley records); the previous snapshot stays in service.
    /// </summary>
    public Func<ConfigObject, string?>? Accept { get; set; }
}
