using ControlPlane.Shared.Xds;
using ControlPlane.Pilot.Xds.Generation;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

public sealed class TypeUrlTests
{
    [Fact]
    public void EnvoyMessages_PackWithUpstreamTypeUrls()
    {
        Assert.Equal(XdsTypeUrls.Listener, Any.Pack(new Listener()).TypeUrl);
        Assert.Equal(XdsTypeUrls.RouteConfiguration, Any.Pack(new RouteConfiguration()).TypeUrl);
        Assert.Equal(XdsTypeUrls.Cluster, Any.Pack(new Cluster()).TypeUrl);
        Assert.Equal(XdsTypeUrls.ClusterLoadAssignment, Any.Pack(new ClusterLoadAssignment()).TypeUrl);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager", Any.Pack(new HttpConnectionManager()).TypeUrl);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.router.v3.Router", Any.Pack(new Router()).TypeUrl);
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault", Any.Pack(new HTTPFault()).TypeUrl);
    }

    [Fact]
    public void HeaderMatcher_PerKindFields_KeepUpstreamFieldNumbers()
    {
        // exact_match = 4, present_match = 7, invert_match = 8: what gRPC C-core 1.51 reads.
        var bytes = new HeaderMatcher { Name = "a", ExactMatch = "b", InvertMatch = true }.ToByteArray();
        Assert.Equal(new byte[] { 0x0a, 1, (byte)'a', 0x22, 1, (byte)'b', 0x40, 1 }, bytes);
    }

    [Fact]
    public void ClusterName_RoundTripsIstioForm()
    {
        Assert.True(ClusterName.TryParse("outbound|9080|v2|reviews.default.svc.cluster.local", out var name));
        Assert.Equal(new ClusterName(9080, "v2", "reviews.default.svc.cluster.local"), name);
        Assert.Equal("outbound|9080||reviews.default.svc.cluster.local", (name with { Subset = string.Empty }).ToString());
        Assert.False(ClusterName.TryParse("inbound|9080||x", out _));
        Assert.False(ClusterName.TryParse("outbound|port||x", out _));
    }
}
