using ControlPlane.Shared.Config.Loading;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Istio.Networking.V1Alpha3;
using Istio.Security.V1Beta1;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Shared.Tests.Config.Loading;

/// <summary>The protobuf JSON mapping rules the loader follows beyond the plain cases.</summary>
public sealed class JsonMappingTests
{
    [Fact]
    public void Load_NumbersAsStringsAndEnumsAsNumbers_AreAccepted()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r}
            spec:
              host: r
              trafficPolicy:
                loadBalancer:
                  consistentHash: {useSourceIp: true, ringHash: {minimumRingSize: "18446744073709551615"}}
                connectionPool: {tcp: {maxConnections: "10"}, http: {h2UpgradePolicy: 2}}
                outlierDetection: {consecutive5xxErrors: 1e1, minHealthPercent: 0x10}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        var policy = result.Objects[0].SpecAs<DestinationRule>().TrafficPolicy;
        Assert.Equal(ulong.MaxValue, policy.LoadBalancer.ConsistentHash.RingHash.MinimumRingSize);
        Assert.True(policy.LoadBalancer.ConsistentHash.UseSourceIp);
        Assert.Equal(10, policy.ConnectionPool.Tcp.MaxConnections);
        Assert.Equal(ConnectionPoolSettings.Types.HTTPSettings.Types.H2UpgradePolicy.Upgrade, policy.ConnectionPool.Http.H2UpgradePolicy);
        Assert.Equal(10u, policy.OutlierDetection.Consecutive5XxErrors);
        Assert.Equal(16, policy.OutlierDetection.MinHealthPercent);
    }

    [Fact]
    public void Load_NullFields_AreLeftUnset()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: r}
            spec:
              hosts: ~
              http:
              - timeout: null
                retries:
                  attempts: 2
                  retryRemoteLocalities:
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Diagnostics);
        var route = result.Objects[0].SpecAs<VirtualService>().Http[0];
        Assert.Null(route.Timeout);
        Assert.Null(route.Retries.RetryRemoteLocalities);
        Assert.Equal(2, route.Retries.Attempts);
    }

    [Fact]
    public void Load_BadMapKeyAndNonIntegralNumber_AreErrors()
    {
        const string yaml = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: p}
            spec:
              portLevelMtls:
                http: {mode: STRICT}
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: w}
            spec: {address: 1.2.3.4, weight: 1.5}
            """;

        var result = LoaderAssert.Load(yaml);

        Assert.Empty(result.Objects);
        Assert.Equal(["spec.portLevelMtls.http", "spec.weight"], result.Diagnostics.Select(d => d.FieldPath));
        Assert.Contains("invalid map key the string \"http\"", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("expected a non-negative integer (uint32), got the number 1.5", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValue_AnyYaml_MatchesGoogleJsonParserForStructValue()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("{a: 1, b: [true, null, x, 2.5], c: {d: \"7\"}}"));
        var errors = new ObjectErrors(new SourceMap("t.yaml", 0));

        var value = StructReader.ReadValue(stream.Documents[0].RootNode, "spec", errors);

        Assert.False(errors.Any);
        Assert.Equal(JsonParser.Default.Parse<Value>("""{"a": 1, "b": [true, null, "x", 2.5], "c": {"d": "7"}}"""), value);
    }
}
