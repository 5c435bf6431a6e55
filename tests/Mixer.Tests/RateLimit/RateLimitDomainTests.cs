using ControlPlane.Mixer.RateLimit;
using ControlPlane.Mixer.Tests.Support;
using ControlPlane.Shared.Config;

namespace ControlPlane.Mixer.Tests.RateLimit;

public sealed class RateLimitDomainTests
{
    private static RateLimitDomain Edge() =>
        RateLimitConfigCompiler.Compile(new ConfigSnapshot(1, [TestConfig.RateLimit("edge", RateLimitTestConfigs.Edge)])).Domains["edge"];

    [Fact]
    public void Find_KeyWithoutValueInConfig_MatchesAnyValue()
    {
        var rule = Edge().Find([new DescriptorEntry("remote_address", "10.0.0.1")]);

        Assert.NotNull(rule);
        Assert.Equal(3u, rule.RequestsPerUnit);
        Assert.Equal(WindowUnit.Minute, rule.Unit);
    }

    [Fact]
    public void Find_ExactValue_MatchesOnlyThatValue()
    {
        var domain = Edge();

        Assert.Equal(2u, domain.Find([new DescriptorEntry("path", "/slow")])!.RequestsPerUnit);
        Assert.Null(domain.Find([new DescriptorEntry("path", "/other")]));
    }

    [Fact]
    public void Find_NestedDescriptor_NeedsEveryEntryInOrder()
    {
        var domain = Edge();

        Assert.Equal("mobile-user", domain.Find([new DescriptorEntry("client", "mobile"), new DescriptorEntry("user", "ann")])!.Name);
        Assert.Null(domain.Find([new DescriptorEntry("client", "mobile")]));
        Assert.Null(domain.Find([new DescriptorEntry("user", "ann"), new DescriptorEntry("client", "mobile")]));
        Assert.Null(domain.Find([new DescriptorEntry("client", "desktop"), new DescriptorEntry("user", "ann")]));
    }

    [Fact]
    public void Find_RequestDeeperThanConfig_HasNoLimit()
    {
        Assert.Null(Edge().Find([new DescriptorEntry("remote_address", "10.0.0.1"), new DescriptorEntry("path", "/x")]));
    }

    [Fact]
    public void Find_UnlimitedNode_ReturnsAnUnlimitedRule()
    {
        Assert.True(Edge().Find([new DescriptorEntry("path", "/free")])!.Unlimited);
    }

    [Fact]
    public void Find_UnnamedRule_IsNamedAfterItsPath()
    {
        Assert.Equal("edge.path=/slow", Edge().Find([new DescriptorEntry("path", "/slow")])!.Name);
    }
}
