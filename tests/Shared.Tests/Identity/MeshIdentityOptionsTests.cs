using ControlPlane.Shared.Identity;

namespace ControlPlane.Shared.Tests.Identity;

public sealed class MeshIdentityOptionsTests
{
    [Fact]
    public void Problem_Defaults_AreUsable()
    {
        var options = new MeshIdentityOptions();

        Assert.Null(options.Problem());
        Assert.Equal(("cluster.local", "cluster.local"), (options.TrustDomain, options.ClusterDomain));
    }

    [Theory]
    [InlineData("Not A Domain", "cluster.local", "--trust-domain")]
    [InlineData("example.org/path", "cluster.local", "--trust-domain")]
    [InlineData("example.org", "Cluster..Local", "--cluster-domain")]
    [InlineData("example.org", "-bad.local", "--cluster-domain")]
    public void Problem_ABadValue_NamesItsFlag(string trustDomain, string clusterDomain, string flag)
    {
        var problem = new MeshIdentityOptions { TrustDomain = trustDomain, ClusterDomain = clusterDomain }.Problem();

        Assert.NotNull(problem);
        Assert.StartsWith(flag + ":", problem, StringComparison.Ordinal);
    }
}
