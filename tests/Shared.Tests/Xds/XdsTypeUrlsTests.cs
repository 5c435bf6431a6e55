using ControlPlane.Shared.Xds;
using Envoy.Service.Discovery.V3;

namespace ControlPlane.Shared.Tests.Xds;

public sealed class XdsTypeUrlsTests
{
    [Fact]
    public void TypeUrls_AreTheUpstreamEnvoyNames()
    {
        Assert.Equal("type.googleapis.com/envoy.config.listener.v3.Listener", XdsTypeUrls.Listener);
        Assert.Equal("type.googleapis.com/envoy.config.route.v3.RouteConfiguration", XdsTypeUrls.RouteConfiguration);
        Assert.Equal("type.googleapis.com/envoy.config.cluster.v3.Cluster", XdsTypeUrls.Cluster);
        Assert.Equal("type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment", XdsTypeUrls.ClusterLoadAssignment);
        Assert.Equal(XdsTypeUrls.Resource, XdsTypeUrls.For(Resource.Descriptor.FullName));
    }
}
