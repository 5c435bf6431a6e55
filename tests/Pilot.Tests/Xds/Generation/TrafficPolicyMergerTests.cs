using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// The effective policy of one cluster, as istio.io's DestinationRule reference defines it: a subset
/// inherits the rule's policy and overrides it setting by setting; port-level settings override the
/// level they sit in whole, with no inheritance ("default values will be applied to fields omitted
/// in port-level traffic policies"). Each case gives the rule's policy, the subset's, the cluster's
/// port, and the merged load balancer, connection pool and outlier detection as one TrafficPolicy.
/// </summary>
public sealed class TrafficPolicyMergerTests
{
    [Fact]
    public void Merge_NoPolicyAnywhere_GivesNothing()
    {
        Assert.Equal(new TrafficPolicy(), Merged(null, null, 9080));
    }

    [Theory]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 100}}, "outlierDetection": {"consecutive5xxErrors": 5}}""", 9080,
        """{"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 100}}, "outlierDetection": {"consecutive5xxErrors": 5}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}}""", 9080, """{"loadBalancer": {"simple": "ROUND_ROBIN"}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "portLevelSettings": [{"port": {"number": 9090}, "loadBalancer": {"simple": "RANDOM"}}]}""", 9080,
        """{"loadBalancer": {"simple": "ROUND_ROBIN"}}""")]
    public void Merge_RuleOnly_GivesTheRulesSettings(string rule, int port, string expected)
    {
        Assert.Equal(ProtoJson.Parse<TrafficPolicy>(expected), Merged(rule, null, port));
    }

    [Theory]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "portLevelSettings": [{"port": {"number": 9080}, "loadBalancer": {"simple": "RANDOM"}}]}""", 9080,
        """{"loadBalancer": {"simple": "RANDOM"}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 100}}, "outlierDetection": {"consecutive5xxErrors": 5}, "portLevelSettings": [{"port": {"number": 9080}, "loadBalancer": {"simple": "RANDOM"}}]}""", 9080,
        """{"loadBalancer": {"simple": "RANDOM"}}""")]
    [InlineData("""{"connectionPool": {"tcp": {"maxConnections": 100}}, "portLevelSettings": [{"port": {"number": 9080}, "outlierDetection": {"consecutive5xxErrors": 1}}]}""", 9080,
        """{"outlierDetection": {"consecutive5xxErrors": 1}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "portLevelSettings": [{"port": {"number": 9090}, "connectionPool": {"tcp": {"maxConnections": 100}}}, {"port": {"number": 9080}, "loadBalancer": {"simple": "LEAST_REQUEST"}}]}""", 9080,
        """{"loadBalancer": {"simple": "LEAST_REQUEST"}}""")]
    public void Merge_PortLevelSettingsForThePort_ReplaceTheRulesSettingsWithoutInheriting(string rule, int port, string expected)
    {
        Assert.Equal(ProtoJson.Parse<TrafficPolicy>(expected), Merged(rule, null, port));
    }

    [Theory]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}}""", """{"loadBalancer": {"simple": "RANDOM"}}""",
        """{"loadBalancer": {"simple": "RANDOM"}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 100}}}""", """{"loadBalancer": {"simple": "RANDOM"}}""",
        """{"loadBalancer": {"simple": "RANDOM"}, "connectionPool": {"tcp": {"maxConnections": 100}}}""")]
    [InlineData("""{"connectionPool": {"tcp": {"maxConnections": 100}}, "outlierDetection": {"consecutive5xxErrors": 5}}""", """{"outlierDetection": {"consecutive5xxErrors": 1}}""",
        """{"connectionPool": {"tcp": {"maxConnections": 100}}, "outlierDetection": {"consecutive5xxErrors": 1}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}}""", """{}""", """{"loadBalancer": {"simple": "ROUND_ROBIN"}}""")]
    [InlineData(null, """{"loadBalancer": {"simple": "RANDOM"}}""", """{"loadBalancer": {"simple": "RANDOM"}}""")]
    public void Merge_SubsetPolicy_InheritsTheRuleAndOverridesSettingBySetting(string? rule, string subset, string expected)
    {
        Assert.Equal(ProtoJson.Parse<TrafficPolicy>(expected), Merged(rule, subset, 9080));
    }

    [Theory]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "portLevelSettings": [{"port": {"number": 9080}, "connectionPool": {"tcp": {"maxConnections": 100}}}]}""",
        """{"outlierDetection": {"consecutive5xxErrors": 1}}""",
        """{"connectionPool": {"tcp": {"maxConnections": 100}}, "outlierDetection": {"consecutive5xxErrors": 1}}""")]
    [InlineData("""{"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 100}}}""",
        """{"loadBalancer": {"simple": "RANDOM"}, "portLevelSettings": [{"port": {"number": 9080}, "outlierDetection": {"consecutive5xxErrors": 1}}]}""",
        """{"outlierDetection": {"consecutive5xxErrors": 1}}""")]
    [InlineData("""{"connectionPool": {"tcp": {"maxConnections": 100}}}""",
        """{"loadBalancer": {"simple": "RANDOM"}, "portLevelSettings": [{"port": {"number": 9090}, "outlierDetection": {"consecutive5xxErrors": 1}}]}""",
        """{"loadBalancer": {"simple": "RANDOM"}, "connectionPool": {"tcp": {"maxConnections": 100}}}""")]
    public void Merge_SubsetAndPortLevelSettings_ApplyPortLevelWithinEachLevelFirst(string rule, string subset, string expected)
    {
        Assert.Equal(ProtoJson.Parse<TrafficPolicy>(expected), Merged(rule, subset, 9080));
    }

    private static TrafficPolicy Merged(string? rule, string? subset, int port)
    {
        var (loadBalancer, connectionPool, outlierDetection) = TrafficPolicyMerger.Merge(
            ProtoJson.ParseOrNull<TrafficPolicy>(rule), ProtoJson.ParseOrNull<TrafficPolicy>(subset), port);
        return new TrafficPolicy { LoadBalancer = loadBalancer, ConnectionPool = connectionPool, OutlierDetection = outlierDetection };
    }
}
