using ControlPlane.Pilot.Debug;
using ControlPlane.Shared.Xds;
using ControlPlane.Shared.Xds.Server;
using Envoy.Config.Core.V3;

namespace ControlPlane.Pilot.Tests.Debug;

public sealed class ServedResourceLogTests
{
    private static readonly XdsStreamContext Stream = new(7, XdsProtocol.StateOfTheWorld, new Node { Id = "client" }, "127.0.0.1:1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Find_RemembersWhatTheServerReportsSent_TheLatestTwoVersions()
    {
        IXdsStreamObserver log = new ServedResourceLog();
        var v1 = Set("v1");
        var v2 = Set("v2");
        var v3 = Set("v3");

        log.ResponseSent(Stream, new XdsSentResponse(XdsTypeUrls.Cluster, "v1", "1", v1, 1));
        log.ResponseSent(Stream, new XdsSentResponse(XdsTypeUrls.Cluster, "v2", "2", v2, 1));
        Assert.Same(v1, ((ServedResourceLog)log).Find(7, XdsTypeUrls.Cluster, "v1"));
        Assert.Same(v2, ((ServedResourceLog)log).Find(7, XdsTypeUrls.Cluster, "v2"));

        log.ResponseSent(Stream, new XdsSentResponse(XdsTypeUrls.Cluster, "v3", "3", v3, 1));
        Assert.Null(((ServedResourceLog)log).Find(7, XdsTypeUrls.Cluster, "v1"));
        Assert.Same(v3, ((ServedResourceLog)log).Find(7, XdsTypeUrls.Cluster, "v3"));
    }

    [Fact]
    public void Find_AStreamThatClosed_IsForgotten()
    {
        IXdsStreamObserver log = new ServedResourceLog();
        log.ResponseSent(Stream, new XdsSentResponse(XdsTypeUrls.Cluster, "v1", "1", Set("v1"), 1));

        log.StreamClosed(Stream, null);

        Assert.Null(((ServedResourceLog)log).Find(7, XdsTypeUrls.Cluster, "v1"));
    }

    private static XdsResourceSet Set(string version) => new(version, [XdsResource.Create("c", new Node { Id = version })]);
}
