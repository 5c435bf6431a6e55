using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlPlane.Shared.Tests.Xds.Server;

/// <summary>A snapshot cache, an observer and sessions over them, with no network.</summary>
internal sealed class SessionFixture
{
    private long _streams;

    public XdsSnapshotCache Cache { get; } = new();

    public RecordingObserver Observer { get; } = new();

    public XdsStatusTracker Status { get; } = new(TimeProvider.System);

    public SotwStreamSession Sotw() => new(Deps(), ++_streams, "test-peer");

    public DeltaStreamSession Delta() => new(Deps(), ++_streams, "test-peer");

    private XdsStreamSessionDeps Deps() =>
        new(Cache, new XdsCompositeObserver([Observer, Status]), TimeProvider.System, NullLogger.Instance, null);
}
