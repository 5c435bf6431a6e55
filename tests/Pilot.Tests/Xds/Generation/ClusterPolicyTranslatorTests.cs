using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;
using Envoy.Config.Cluster.V3;
using Istio.Networking.V1Alpha3;
using IstioOutlierDetection = Istio.Networking.V1Alpha3.OutlierDetection;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// A merged DestinationRule policy onto an Envoy Cluster: load balancer, connection-pool limits as
/// the default-priority circuit-breaker thresholds, outlier detection. Each case starts from an empty
/// Cluster and lists every Cluster field the policy sets.
/// </summary>
public sealed class ClusterPolicyTranslatorTests
{
    [Theory]
    [InlineData(null, "{}")]
    [InlineData("""{"simple": "UNSPECIFIED"}""", """{"lbPolicy": "ROUND_ROBIN"}""")]
    [InlineData("""{"simple": "ROUND_ROBIN"}""", """{"lbPolicy": "ROUND_ROBIN"}""")]
    [InlineData("""{"simple": "LEAST_REQUEST"}""", """{"lbPolicy": "LEAST_REQUEST"}""")]
    [InlineData("""{"simple": "LEAST_CONN"}""", """{"lbPolicy": "LEAST_REQUEST"}""")]
    [InlineData("""{"simple": "RANDOM"}""", """{"lbPolicy": "RANDOM"}""")]
    [InlineData("""{"consistentHash": {"httpHeaderName": "x-user"}}""", """{"lbPolicy": "RING_HASH", "ringHashLbConfig": {}}""")]
    [InlineData("""{"consistentHash": {"useSourceIp": true, "ringHash": {"minimumRingSize": 1024}}}""",
        """{"lbPolicy": "RING_HASH", "ringHashLbConfig": {"minimumRingSize": "1024"}}""")]
    [InlineData("""{"consistentHash": {"httpHeaderName": "x-user", "minimumRingSize": 2048}}""",
        """{"lbPolicy": "RING_HASH", "ringHashLbConfig": {"minimumRingSize": "2048"}}""")]
    public void Apply_LoadBalancerForEnvoy_SetsTheMatchingLbPolicy(string? istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<Cluster>(envoy), Applied(ProxyKind.Envoy, loadBalancer: istio));
    }

    [Theory]
    [InlineData(null, "{}")]
    [InlineData("""{"simple": "ROUND_ROBIN"}""", """{"lbPolicy": "ROUND_ROBIN"}""")]
    [InlineData("""{"simple": "LEAST_REQUEST"}""", """{"lbPolicy": "ROUND_ROBIN"}""")]
    [InlineData("""{"simple": "LEAST_CONN"}""", """{"lbPolicy": "ROUND_ROBIN"}""")]
    [InlineData("""{"simple": "RANDOM"}""", """{"lbPolicy": "ROUND_ROBIN"}""")]
    [InlineData("""{"consistentHash": {"httpHeaderName": "x-user", "ringHash": {"minimumRingSize": 64}}}""",
        """{"lbPolicy": "RING_HASH", "ringHashLbConfig": {"minimumRingSize": "64"}}""")]
    public void Apply_LoadBalancerForProxylessGrpc_UsesOnlyPoliciesGrpcAccepts(string? istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<Cluster>(envoy), Applied(ProxyKind.Grpc, loadBalancer: istio));
    }

    [Theory]
    [InlineData("""{"tcp": {"maxConnections": 100}}""",
        """{"circuitBreakers": {"thresholds": [{"priority": "DEFAULT", "maxConnections": 100}]}}""")]
    [InlineData("""{"http": {"http1MaxPendingRequests": 10, "http2MaxRequests": 1000, "maxRetries": 3}}""",
        """{"circuitBreakers": {"thresholds": [{"maxPendingRequests": 10, "maxRequests": 1000, "maxRetries": 3}]}}""")]
    [InlineData("""{"tcp": {"maxConnections": 1}, "http": {"http1MaxPendingRequests": 1, "maxRequestsPerConnection": 1}}""",
        """{"circuitBreakers": {"thresholds": [{"maxConnections": 1, "maxPendingRequests": 1}]}}""")]
    [InlineData("""{}""", """{"circuitBreakers": {"thresholds": [{}]}}""")]
    [InlineData("""{"tcp": {"maxConnections": 0}, "http": {"maxRetries": 0}}""", """{"circuitBreakers": {"thresholds": [{}]}}""")]
    public void Apply_ConnectionPool_BecomesDefaultPriorityCircuitBreakerThresholds(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<Cluster>(envoy), Applied(ProxyKind.Envoy, pool: istio));
    }

    [Theory]
    [InlineData("""{"consecutive5xxErrors": 5}""",
        """{"outlierDetection": {"consecutive5xx": 5, "enforcingConsecutive5xx": 100}}""")]
    [InlineData("""{"consecutive5xxErrors": 0}""",
        """{"outlierDetection": {"consecutive5xx": 0, "enforcingConsecutive5xx": 0}}""")]
    [InlineData("""{"consecutiveErrors": 7}""",
        """{"outlierDetection": {"consecutive5xx": 7, "enforcingConsecutive5xx": 100}}""")]
    [InlineData("""{"consecutiveErrors": 7, "consecutive5xxErrors": 3}""",
        """{"outlierDetection": {"consecutive5xx": 3, "enforcingConsecutive5xx": 100}}""")]
    [InlineData("""{"consecutiveGatewayErrors": 2}""",
        """{"outlierDetection": {"consecutiveGatewayFailure": 2, "enforcingConsecutiveGatewayFailure": 100}}""")]
    [InlineData("""{"consecutiveGatewayErrors": 0}""",
        """{"outlierDetection": {"consecutiveGatewayFailure": 0, "enforcingConsecutiveGatewayFailure": 0}}""")]
    [InlineData("""{"interval": "10s", "baseEjectionTime": "30s", "maxEjectionPercent": 50}""",
        """{"outlierDetection": {"interval": "10s", "baseEjectionTime": "30s", "maxEjectionPercent": 50}}""")]
    [InlineData("""{"splitExternalLocalOriginErrors": true, "consecutiveLocalOriginFailures": 4}""",
        """{"outlierDetection": {"splitExternalLocalOriginErrors": true, "consecutiveLocalOriginFailure": 4}}""")]
    [InlineData("""{"consecutiveLocalOriginFailures": 4}""", """{"outlierDetection": {}}""")]
    [InlineData("""{}""", """{"outlierDetection": {}}""")]
    public void Apply_OutlierDetection_BecomesEnvoysOutlierDetection(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<Cluster>(envoy), Applied(ProxyKind.Envoy, outlier: istio));
    }

    [Fact]
    public void Apply_WholePolicy_SetsEverySectionTogether()
    {
        var envoy = """
            {"lbPolicy": "LEAST_REQUEST",
             "circuitBreakers": {"thresholds": [{"maxConnections": 100, "maxRequests": 1000}]},
             "outlierDetection": {"consecutive5xx": 5, "enforcingConsecutive5xx": 100, "interval": "10s"}}
            """;

        var cluster = Applied(ProxyKind.Envoy,
            loadBalancer: """{"simple": "LEAST_REQUEST"}""",
            pool: """{"tcp": {"maxConnections": 100}, "http": {"http2MaxRequests": 1000}}""",
            outlier: """{"consecutive5xxErrors": 5, "interval": "10s"}""");

        Assert.Equal(ProtoJson.Parse<Cluster>(envoy), cluster);
    }

    private static Cluster Applied(ProxyKind proxy, string? loadBalancer = null, string? pool = null, string? outlier = null)
    {
        var cluster = new Cluster();
        ClusterPolicyTranslator.Apply(cluster, proxy,
            ProtoJson.ParseOrNull<LoadBalancerSettings>(loadBalancer),
            ProtoJson.ParseOrNull<ConnectionPoolSettings>(pool),
            ProtoJson.ParseOrNull<IstioOutlierDetection>(outlier));
        return cluster;
    }
}
