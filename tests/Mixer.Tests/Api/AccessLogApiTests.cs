using System.Text.Json;
using ControlPlane.Mixer.Tests.Support;
using Envoy.Data.Accesslog.V3;
using Envoy.Service.Accesslog.V3;
using Grpc.Core;

namespace ControlPlane.Mixer.Tests.Api;

public sealed class AccessLogApiTests
{
    private const string Reviews = "outbound|9080|v2|reviews.default.svc.cluster.local";

    [Fact]
    public async Task StreamAccessLogs_OutboundEntries_BecomeExactIstioCounters()
    {
        await using var mixer = await MixerTestHost.StartAsync();

        await SendAsync(mixer, AccessLogs.SidecarNode("productpage-v1", "default", "v1"),
            AccessLogs.Http(
                AccessLogs.HttpEntry(Reviews, 200, 3, localPrincipal: AccessLogs.ProductpagePrincipal, peerPrincipal: AccessLogs.ReviewsPrincipal),
                AccessLogs.HttpEntry(Reviews, 200, 30, localPrincipal: AccessLogs.ProductpagePrincipal, peerPrincipal: AccessLogs.ReviewsPrincipal)),
            AccessLogs.Http(AccessLogs.HttpEntry(Reviews, 503, 7000, flags: new ResponseFlags { UpstreamConnectionFailure = true, UpstreamRetryLimitExceeded = true })));

        var metrics = await mixer.MetricsAsync();
        string[] ok =
        [
            "reporter=source", "source_workload=productpage-v1", "source_workload_namespace=default",
            "source_principal=" + AccessLogs.ProductpagePrincipal, "destination_workload=unknown", "destination_workload_namespace=default",
            "destination_service=reviews.default.svc.cluster.local", "destination_service_name=reviews", "destination_service_namespace=default",
            "destination_version=v2", "request_protocol=http", "response_code=200", "grpc_response_status=", "response_flags=-",
            "connection_security_policy=unknown",
        ];
        Assert.Equal(2, MetricsText.Value(metrics, "istio_requests_total", ok));
        Assert.Equal(1, MetricsText.Value(metrics, "istio_requests_total", "response_code=503", "response_flags=UF,URX", "source_principal=unknown"));
        Assert.Equal(33, MetricsText.Value(metrics, "istio_request_duration_milliseconds_sum", ok));
        Assert.Equal(1, MetricsText.Value(metrics, "istio_request_duration_milliseconds_bucket", [.. ok, "le=5"]));
        Assert.Equal(2, MetricsText.Value(metrics, "istio_request_duration_milliseconds_bucket", [.. ok, "le=50"]));
        Assert.Equal(200, MetricsText.Value(metrics, "istio_request_bytes_sum", ok));
        Assert.Equal(2000, MetricsText.Value(metrics, "istio_response_bytes_sum", ok));
        Assert.Equal(2, MetricsText.Value(metrics, "istio_response_bytes_bucket", [.. ok, "le=1000"]));
        Assert.Equal(0, MetricsText.Value(metrics, "istio_response_bytes_bucket", [.. ok, "le=100"]));
    }

    [Fact]
    public async Task StreamAccessLogs_InboundGrpcEntries_AreReportedByTheDestination()
    {
        await using var mixer = await MixerTestHost.StartAsync();

        await SendAsync(mixer, AccessLogs.SidecarNode("reviews-v2", "default", "v2"),
            AccessLogs.Http(
                AccessLogs.HttpEntry("inbound|9080||reviews.default.svc.cluster.local", 200, 1, peerPrincipal: AccessLogs.ProductpagePrincipal, grpcStatus: "0"),
                AccessLogs.HttpEntry("inbound|9080||", 200, 1, grpcStatus: "14")));

        var metrics = await mixer.MetricsAsync();
        Assert.Equal(1, MetricsText.Value(metrics, "istio_requests_total",
            "reporter=destination", "source_workload=unknown", "source_workload_namespace=default", "source_principal=" + AccessLogs.ProductpagePrincipal,
            "destination_workload=reviews-v2", "destination_workload_namespace=default", "destination_version=v2",
            "destination_service=reviews.default.svc.cluster.local", "request_protocol=grpc", "grpc_response_status=0",
            "connection_security_policy=mutual_tls"));
        Assert.Equal(1, MetricsText.Value(metrics, "istio_requests_total",
            "reporter=destination", "destination_service=reviews", "destination_service_namespace=unknown", "grpc_response_status=14",
            "connection_security_policy=none", "source_principal=unknown"));
    }

    [Fact]
    public async Task StreamAccessLogs_TcpEntries_CountConnectionsAndBytes()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        const string mongo = "outbound|27017||mongodb.db.svc.cluster.local";

        await SendAsync(mixer, AccessLogs.SidecarNode("ratings-v2", "default", "v2"),
            AccessLogs.Tcp(
                AccessLogs.TcpEntry(mongo, AccessLogType.TcpUpstreamConnected),
                AccessLogs.TcpEntry(mongo, AccessLogType.TcpPeriodic, sent: 10, received: 20),
                AccessLogs.TcpEntry(mongo, AccessLogType.TcpConnectionEnd, sent: 300, received: 400),
                AccessLogs.TcpEntry(mongo, AccessLogType.TcpUpstreamConnected)));

        var metrics = await mixer.MetricsAsync();
        string[] labels = ["reporter=source", "source_workload=ratings-v2", "destination_service=mongodb.db.svc.cluster.local", "request_protocol=tcp"];
        Assert.Equal(2, MetricsText.Value(metrics, "istio_tcp_connections_opened_total", labels));
        Assert.Equal(1, MetricsText.Value(metrics, "istio_tcp_connections_closed_total", labels));
        Assert.Equal(300, MetricsText.Value(metrics, "istio_tcp_sent_bytes_total", labels));
        Assert.Equal(400, MetricsText.Value(metrics, "istio_tcp_received_bytes_total", labels));
    }

    [Fact]
    public async Task StreamAccessLogs_FirstMessageWithoutIdentifier_IsInvalidArgument()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        var client = new AccessLogService.AccessLogServiceClient(mixer.Channel);
        using var call = client.StreamAccessLogs(deadline: DateTime.UtcNow.AddSeconds(10));

        await call.RequestStream.WriteAsync(AccessLogs.Http(AccessLogs.HttpEntry(Reviews, 200, 1))).WaitAsync(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10));
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task ApiGraph_AfterTraffic_ShowsWorkloadToServiceEdgesWithRatesAndLatency()
    {
        await using var mixer = await MixerTestHost.StartAsync();
        await SendAsync(mixer, AccessLogs.SidecarNode("productpage-v1", "default", "v1"),
            AccessLogs.Http(AccessLogs.HttpEntry(Reviews, 200, 10), AccessLogs.HttpEntry(Reviews, 200, 10), AccessLogs.HttpEntry(Reviews, 500, 100)));

        using var graph = JsonDocument.Parse(await mixer.Http.GetStringAsync(new Uri("/api/graph", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(10)));

        var root = graph.RootElement;
        Assert.Equal("source", root.GetProperty("reporter").GetString());
        Assert.Equal(["service:reviews.default.svc.cluster.local", "workload:default/productpage-v1"],
            root.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        var edge = Assert.Single(root.GetProperty("edges").EnumerateArray());
        Assert.Equal("workload:default/productpage-v1", edge.GetProperty("source").GetString());
        Assert.Equal("service:reviews.default.svc.cluster.local", edge.GetProperty("target").GetString());
        Assert.Equal(3, edge.GetProperty("requests").GetInt64());
        Assert.Equal(1, edge.GetProperty("errors").GetInt64());
        Assert.Equal(0.05, edge.GetProperty("request_rate").GetDouble());
        Assert.InRange(edge.GetProperty("p50_ms").GetDouble(), 10, 12.5);
        Assert.InRange(edge.GetProperty("p99_ms").GetDouble(), 100, 125);
    }

    internal static async Task SendAsync(MixerTestHost mixer, Envoy.Config.Core.V3.Node node, params StreamAccessLogsMessage[] batches)
    {
        var client = new AccessLogService.AccessLogServiceClient(mixer.Channel);
        using var call = client.StreamAccessLogs(deadline: DateTime.UtcNow.AddSeconds(10));
        var first = true;
        foreach (var batch in batches)
        {
            if (first)
            {
                batch.Identifier = AccessLogs.Identify(node).Identifier;
                first = false;
            }

            await call.RequestStream.WriteAsync(batch).WaitAsync(TimeSpan.FromSeconds(10));
        }

        await call.RequestStream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
