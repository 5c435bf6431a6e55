using ControlPlane.Mixer.Telemetry;

namespace ControlPlane.Mixer.Tests.Telemetry;

public sealed class UpstreamClusterTests
{
    [Fact]
    public void TryParse_OutboundCluster_GivesSubsetAndHost()
    {
        Assert.True(UpstreamCluster.TryParse("outbound|9080|v2|reviews.default.svc.cluster.local", out var cluster));

        Assert.Equal(new UpstreamCluster(false, "v2", "reviews.default.svc.cluster.local"), cluster);
    }

    [Fact]
    public void TryParse_InboundCluster_IsInbound()
    {
        Assert.True(UpstreamCluster.TryParse("inbound|9080||", out var cluster));

        Assert.True(cluster.Inbound);
        Assert.Equal(string.Empty, cluster.Host);
    }

    [Theory]
    [InlineData("PassthroughCluster")]
    [InlineData("sideways|1|a|b")]
    public void TryParse_OtherNames_AreRejected(string name)
    {
        Assert.False(UpstreamCluster.TryParse(name, out _));
    }

    [Theory]
    [InlineData("reviews.default.svc.cluster.local", "reviews", "default")]
    [InlineData("reviews.default", "reviews", "default")]
    [InlineData("example", "example", "unknown")]
    public void ServiceParts_SplitsNameAndNamespace(string host, string name, string ns)
    {
        Assert.Equal((name, ns), UpstreamCluster.ServiceParts(host));
    }
}
