using ControlPlane.Pilot.Xds.Generation;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>Istio's outbound cluster names, <c>outbound|PORT|SUBSET|HOST</c>, written and read back.</summary>
public sealed class ClusterNameTests
{
    [Theory]
    [InlineData(9080, "v2", "reviews.default.svc.cluster.local", "outbound|9080|v2|reviews.default.svc.cluster.local")]
    [InlineData(9080, "", "reviews.default.svc.cluster.local", "outbound|9080||reviews.default.svc.cluster.local")]
    [InlineData(443, "", "api.example.com", "outbound|443||api.example.com")]
    [InlineData(15010, "canary-2", "istiod.istio-system.svc.cluster.local", "outbound|15010|canary-2|istiod.istio-system.svc.cluster.local")]
    public void ToString_PortSubsetAndHost_GivesIstiosOutboundName(int port, string subset, string host, string expected)
    {
        Assert.Equal(expected, new ClusterName(port, subset, host).ToString());
    }

    [Theory]
    [InlineData("outbound|9080|v2|reviews.default.svc.cluster.local", 9080, "v2", "reviews.default.svc.cluster.local")]
    [InlineData("outbound|9080||reviews.default.svc.cluster.local", 9080, "", "reviews.default.svc.cluster.local")]
    [InlineData("outbound|1||a", 1, "", "a")]
    public void TryParse_OutboundName_GivesItsParts(string name, int port, string subset, string host)
    {
        Assert.True(ClusterName.TryParse(name, out var parsed));
        Assert.Equal(new ClusterName(port, subset, host), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("reviews.default.svc.cluster.local")]
    [InlineData("inbound|9080||reviews.default.svc.cluster.local")]
    [InlineData("outbound|9080|v2")]
    [InlineData("outbound|9080|v2|reviews|extra")]
    [InlineData("outbound|http|v2|reviews.default.svc.cluster.local")]
    [InlineData("outbound|-1|v2|reviews.default.svc.cluster.local")]
    [InlineData("outbound|+9080|v2|reviews.default.svc.cluster.local")]
    [InlineData("outbound||v2|reviews.default.svc.cluster.local")]
    [InlineData("outbound|9080|v2|")]
    [InlineData("OUTBOUND|9080|v2|reviews.default.svc.cluster.local")]
    public void TryParse_NotAnOutboundName_ReturnsFalse(string name)
    {
        Assert.False(ClusterName.TryParse(name, out _));
    }

    [Fact]
    public void TryParse_WhatToStringWrote_RoundTrips()
    {
        var name = new ClusterName(9090, "v1", "ratings.default.svc.cluster.local");

        Assert.True(ClusterName.TryParse(name.ToString(), out var parsed));
        Assert.Equal(name, parsed);
    }
}
