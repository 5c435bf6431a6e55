using ControlPlane.Pilot.Model;
using ControlPlane.Pilot.Tests.Support;
using ControlPlane.Pilot.Xds.Generation;
using Envoy.Config.Route.V3;
using Istio.Networking.V1Alpha3;

namespace ControlPlane.Pilot.Tests.Xds.Generation;

/// <summary>
/// One VirtualService HTTP route of <c>reviews</c> (namespace default, port 9080) to an Envoy
/// RouteAction: destinations as Istio cluster names (weighted when several), timeout, retries as
/// istio.io's VirtualService reference describes them, and the hash policy a consistent-hash
/// DestinationRule needs.
/// </summary>
public sealed class RouteActionTranslatorTests
{
    [Theory]
    [InlineData("""{"route": [{"destination": {"host": "reviews"}}]}""",
        """{"cluster": "outbound|9080||reviews.default.svc.cluster.local"}""")]
    [InlineData("""{"route": [{"destination": {"host": "reviews", "subset": "v2"}}]}""",
        """{"cluster": "outbound|9080|v2|reviews.default.svc.cluster.local"}""")]
    [InlineData("""{"route": [{"destination": {"host": "reviews.default.svc.cluster.local", "subset": "v1"}, "weight": 100}]}""",
        """{"cluster": "outbound|9080|v1|reviews.default.svc.cluster.local"}""")]
    [InlineData("""{"route": [{"destination": {"host": "ratings"}}]}""",
        """{"cluster": "outbound|9080||ratings.default.svc.cluster.local"}""")]
    [InlineData("""{"route": [{"destination": {"host": "ratings", "port": {"number": 9090}}}]}""",
        """{"cluster": "outbound|9090||ratings.default.svc.cluster.local"}""")]
    [InlineData("""{"route": [{"destination": {"host": "reviews", "port": {"number": 9081}}}]}""",
        """{"cluster": "outbound|9081||reviews.default.svc.cluster.local"}""")]
    [InlineData("""{"route": [{"destination": {"host": "details.other.svc.cluster.local"}}]}""",
        """{"cluster": "outbound|9080||details.other.svc.cluster.local"}""")]
    public void Translate_OneDestination_RoutesToItsCluster(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<RouteAction>(envoy), Translated(istio));
    }

    [Theory]
    [InlineData("""{"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 75}, {"destination": {"host": "reviews", "subset": "v2"}, "weight": 25}]}""",
        """{"weightedClusters": {"clusters": [{"name": "outbound|9080|v1|reviews.default.svc.cluster.local", "weight": 75}, {"name": "outbound|9080|v2|reviews.default.svc.cluster.local", "weight": 25}], "totalWeight": 100}}""")]
    [InlineData("""{"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 100}, {"destination": {"host": "reviews", "subset": "v2"}, "weight": 0}]}""",
        """{"weightedClusters": {"clusters": [{"name": "outbound|9080|v1|reviews.default.svc.cluster.local", "weight": 100}], "totalWeight": 100}}""")]
    [InlineData("""{"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 1}, {"destination": {"host": "reviews", "subset": "v2"}, "weight": 2}]}""",
        """{"weightedClusters": {"clusters": [{"name": "outbound|9080|v1|reviews.default.svc.cluster.local", "weight": 1}, {"name": "outbound|9080|v2|reviews.default.svc.cluster.local", "weight": 2}], "totalWeight": 3}}""")]
    [InlineData("""{"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 50}, {"destination": {"host": "ratings"}, "weight": 50}]}""",
        """{"weightedClusters": {"clusters": [{"name": "outbound|9080|v1|reviews.default.svc.cluster.local", "weight": 50}, {"name": "outbound|9080||ratings.default.svc.cluster.local", "weight": 50}], "totalWeight": 100}}""")]
    public void Translate_SeveralDestinations_SplitsTrafficByWeight(string istio, string envoy)
    {
        Assert.Equal(ProtoJson.Parse<RouteAction>(envoy), Translated(istio));
    }

    [Theory]
    [InlineData("""{"timeout": "10s"}""",
        """{"timeout": "10s", "maxStreamDuration": {"maxStreamDuration": "10s", "grpcTimeoutHeaderMax": "10s"}}""")]
    [InlineData("""{"timeout": "0.500s"}""",
        """{"timeout": "0.500s", "maxStreamDuration": {"maxStreamDuration": "0.500s", "grpcTimeoutHeaderMax": "0.500s"}}""")]
    public void Translate_Timeout_BoundsTheRequestAndTheGrpcStream(string timeout, string expected)
    {
        var action = Translated(WithReviews(timeout));

        Assert.Equal(ProtoJson.Parse<RouteAction>(WithCluster(expected)), action);
    }

    [Theory]
    [InlineData("""{"retries": {"attempts": 3}}""",
        """{"retryPolicy": {"retryOn": "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes", "numRetries": 3, "retriableStatusCodes": [503]}}""")]
    [InlineData("""{"retries": {"attempts": 3, "perTryTimeout": "2s"}}""",
        """{"retryPolicy": {"retryOn": "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes", "numRetries": 3, "perTryTimeout": "2s", "retriableStatusCodes": [503]}}""")]
    [InlineData("""{"retries": {"attempts": 2, "retryOn": "gateway-error,connect-failure,refused-stream"}}""",
        """{"retryPolicy": {"retryOn": "gateway-error,connect-failure,refused-stream", "numRetries": 2}}""")]
    [InlineData("""{"retries": {"attempts": 2, "retryOn": "unavailable,resource-exhausted", "backoff": "0.100s"}}""",
        """{"retryPolicy": {"retryOn": "unavailable,resource-exhausted", "numRetries": 2, "retryBackOff": {"baseInterval": "0.100s"}}}""")]
    [InlineData("""{"retries": {"attempts": 0}}""", "{}")]
    [InlineData("""{"retries": {"attempts": 0, "retryOn": "5xx"}}""", "{}")]
    public void Translate_Retries_BecomeARetryPolicy(string retries, string expected)
    {
        Assert.Equal(ProtoJson.Parse<RouteAction>(WithCluster(expected)), Translated(WithReviews(retries)));
    }

    [Theory]
    [InlineData("503,connect-failure", "connect-failure,retriable-status-codes", new uint[] { 503 })]
    [InlineData("connect-failure,503,504", "connect-failure,retriable-status-codes", new uint[] { 503, 504 })]
    [InlineData("503", "retriable-status-codes", new uint[] { 503 })]
    [InlineData("retriable-status-codes,429", "retriable-status-codes", new uint[] { 429 })]
    [InlineData("5xx, reset", "5xx,reset", new uint[0])]
    public void Translate_RetryOnWithHttpStatusCodes_MovesThemToRetriableStatusCodes(string retryOn, string envoyRetryOn, uint[] codes)
    {
        var action = Translated(WithReviews("{\"retries\": {\"attempts\": 2, \"retryOn\": \"" + retryOn + "\"}}"));

        var expected = new RetryPolicy { RetryOn = envoyRetryOn, NumRetries = 2, RetriableStatusCodes = { codes } };
        Assert.Equal(expected, action.RetryPolicy);
    }

    [Theory]
    [InlineData("""{"host": "reviews", "trafficPolicy": {"loadBalancer": {"consistentHash": {"httpHeaderName": "X-User"}}}}""",
        """[{"header": {"headerName": "x-user"}}]""")]
    [InlineData("""{"host": "reviews", "trafficPolicy": {"loadBalancer": {"consistentHash": {"useSourceIp": true}}}}""",
        """[{"connectionProperties": {"sourceIp": true}}]""")]
    [InlineData("""{"host": "reviews", "trafficPolicy": {"loadBalancer": {"simple": "RANDOM"}}}""", "[]")]
    [InlineData("""{"host": "reviews.default.svc.cluster.local", "trafficPolicy": {"loadBalancer": {"consistentHash": {"httpHeaderName": "x-session"}}}}""",
        """[{"header": {"headerName": "x-session"}}]""")]
    public void Translate_ConsistentHashDestinationRule_AddsTheHashPolicy(string destinationRule, string hashPolicy)
    {
        var action = Translated("""{"route": [{"destination": {"host": "reviews"}}]}""", destinationRule);

        Assert.Equal(ProtoJson.Parse<RouteAction>(WithCluster("{\"hashPolicy\": " + hashPolicy + "}")), action);
    }

    [Fact]
    public void Translate_SubsetWithConsistentHash_AddsTheSubsetsHashPolicy()
    {
        var destinationRule = """
            {"host": "reviews", "subsets": [
              {"name": "v1", "labels": {"version": "v1"}},
              {"name": "v2", "labels": {"version": "v2"}, "trafficPolicy": {"loadBalancer": {"consistentHash": {"httpHeaderName": "x-user"}}}}]}
            """;

        var toV2 = Translated("""{"route": [{"destination": {"host": "reviews", "subset": "v2"}}]}""", destinationRule);
        var toV1 = Translated("""{"route": [{"destination": {"host": "reviews", "subset": "v1"}}]}""", destinationRule);

        Assert.Equal(ProtoJson.Parse<RouteAction>("""{"cluster": "outbound|9080|v2|reviews.default.svc.cluster.local", "hashPolicy": [{"header": {"headerName": "x-user"}}]}"""), toV2);
        Assert.Equal(ProtoJson.Parse<RouteAction>("""{"cluster": "outbound|9080|v1|reviews.default.svc.cluster.local"}"""), toV1);
    }

    [Fact]
    public void Translate_SubsetOverridingConsistentHash_AddsNoHashPolicy()
    {
        var destinationRule = """
            {"host": "reviews", "trafficPolicy": {"loadBalancer": {"consistentHash": {"httpHeaderName": "x-user"}}},
             "subsets": [{"name": "v1", "labels": {"version": "v1"}, "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}}}]}
            """;

        var action = Translated("""{"route": [{"destination": {"host": "reviews", "subset": "v1"}}]}""", destinationRule);

        Assert.Equal(ProtoJson.Parse<RouteAction>("""{"cluster": "outbound|9080|v1|reviews.default.svc.cluster.local"}"""), action);
    }

    [Theory]
    [InlineData(null, """{"cluster": "outbound|9080||reviews.default.svc.cluster.local"}""")]
    [InlineData("""{"host": "reviews", "trafficPolicy": {"loadBalancer": {"consistentHash": {"useSourceIp": true}}}}""",
        """{"cluster": "outbound|9080||reviews.default.svc.cluster.local", "hashPolicy": [{"connectionProperties": {"sourceIp": true}}]}""")]
    public void Default_NoVirtualService_RoutesToTheWholeService(string? destinationRule, string envoy)
    {
        var snapshot = TranslatorMesh.Build(destinationRule);

        var action = RouteActionTranslator.Default(
            TranslatorMesh.Service(snapshot, TranslatorMesh.Reviews), TranslatorMesh.Port(snapshot, TranslatorMesh.Reviews, 9080), snapshot);

        Assert.Equal(ProtoJson.Parse<RouteAction>(envoy), action);
    }

    private static string WithReviews(string routeFields) =>
        AddField(routeFields, "\"route\": [{\"destination\": {\"host\": \"reviews\"}}]");

    private static string WithCluster(string actionFields) =>
        AddField(actionFields, "\"cluster\": \"outbound|9080||reviews.default.svc.cluster.local\"");

    /// <summary>Adds one field to a JSON object written in a table cell.</summary>
    private static string AddField(string json, string field)
    {
        var body = json.Trim()[1..^1].Trim();
        return "{" + body + (body.Length == 0 ? string.Empty : ", ") + field + "}";
    }

    private static RouteAction Translated(string route, string? destinationRule = null)
    {
        var snapshot = TranslatorMesh.Build(destinationRule);
        return RouteActionTranslator.Translate(
            ProtoJson.Parse<HTTPRoute>(route),
            new RoutingRule("default", "reviews", new VirtualService()),
            TranslatorMesh.Service(snapshot, TranslatorMesh.Reviews),
            TranslatorMesh.Port(snapshot, TranslatorMesh.Reviews, 9080),
            snapshot);
    }
}
