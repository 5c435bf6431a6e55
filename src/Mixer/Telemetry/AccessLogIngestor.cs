using System.Globalization;
using ControlPlane.Shared.Identity;
using Envoy.Data.Accesslog.V3;
using Prometheus;

namespace ControlPlane.Mixer.Telemetry;

/// <summary>
/// Turns Envoy access-log entries into Istio's standard metrics and the service graph. What is read:
/// the upstream cluster name (direction, subset, destination host), the reporting node's workload,
/// the TLS certificates' URI SANs (principals), the response code, <c>grpc-status</c> in the
/// response trailers or headers, <c>content-type</c> of the request, the response flags, byte
/// counts and <c>time_to_last_downstream_tx_byte</c> (else <c>duration</c>) as the request duration.
/// </summary>
internal sealed class AccessLogIngestor(IstioMetrics metrics, LabelLimits limits, ServiceGraph graph, IMetricFactory factory)
{
    private static readonly string[] StatusCodes = Enumerable.Range(0, 1000).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
    private static readonly string[] GrpcStatuses = Enumerable.Range(0, 17).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();

    private readonly (Counter.Child Http, Counter.Child Tcp) _entries = EntryCounters(factory);

    public void Ingest(WorkloadIdentity node, HTTPAccessLogEntry entry)
    {
        var labels = new string[IstioLabels.Http.Length];
        var common = entry.CommonProperties;
        var request = entry.Request;
        var response = entry.Response;
        FillPeers(labels, node, common, request?.Authority);
        var grpcStatus = GrpcStatus(response);
        labels[IstioLabels.RequestProtocol] = IsGrpc(request, grpcStatus) ? "grpc" : "http";
        labels[IstioLabels.ResponseCode] = response?.ResponseCode is { } code && code < 1000 ? StatusCodes[code] : "0";
        labels[IstioLabels.GrpcResponseStatus] = grpcStatus;
        limits.Apply(labels);

        var milliseconds = (common?.TimeToLastDownstreamTxByte ?? common?.Duration)?.ToTimeSpan().TotalMilliseconds ?? 0;
        var series = metrics.Http(labels);
        series.Requests.Inc();
        series.Duration.Observe(milliseconds);
        series.RequestBytes.Observe((request?.RequestHeadersBytes ?? 0) + (request?.RequestBodyBytes ?? 0));
        series.ResponseBytes.Observe((response?.ResponseHeadersBytes ?? 0) + (response?.ResponseBodyBytes ?? 0));
        _entries.Http.Inc();

        var status = labels[IstioLabels.ResponseCode];
        var error = status.Length == 3 && status[0] == '5' || labels[IstioLabels.GrpcResponseStatus] is { Length: > 0 } grpc && grpc != "0";
        RecordGraph(labels, milliseconds, error);
    }

    public void Ingest(WorkloadIdentity node, TCPAccessLogEntry entry)
    {
        var labels = new string[IstioLabels.Tcp.Length];
        var common = entry.CommonProperties;
        FillPeers(labels, node, common, authority: null);
        labels[IstioLabels.RequestProtocol] = "tcp";
        limits.Apply(labels);

        var series = metrics.Tcp(labels);
        var type = common?.AccessLogType ?? AccessLogType.NotSet;

        // Byte counts are taken from the final entry only: periodic entries would count them twice.
        if (type is AccessLogType.TcpUpstreamConnected or AccessLogType.NotSet)
        {
            series.Opened.Inc();
        }

        if (type is AccessLogType.TcpConnectionEnd or AccessLogType.NotSet)
        {
            series.Closed.Inc();
            series.Sent.Inc(entry.ConnectionProperties?.SentBytes ?? 0);
            series.Received.Inc(entry.ConnectionProperties?.ReceivedBytes ?? 0);
        }

        _entries.Tcp.Inc();
    }

    private static (Counter.Child Http, Counter.Child Tcp) EntryCounters(IMetricFactory factory)
    {
        var counter = factory.CreateCounter("mixer_accesslog_entries_total", "Access-log entries ingested, by type.", ["type"]);
        return (counter.WithLabels("http"), counter.WithLabels("tcp"));
    }

    private static void FillPeers(string[] labels, WorkloadIdentity node, AccessLogCommon? common, string? authority)
    {
        var unknown = WorkloadIdentity.Unknown;
        var tls = common?.TlsProperties;
        var localPrincipal = UriSan(tls?.LocalCertificateProperties);
        var peerPrincipal = UriSan(tls?.PeerCertificateProperties);
        var parsed = UpstreamCluster.TryParse(common?.UpstreamCluster ?? string.Empty, out var cluster);
        labels[IstioLabels.ResponseFlags] = ResponseFlagCodes.Format(common?.ResponseFlags);
        if (parsed && cluster.Inbound)
        {
            var host = cluster.Host.Length > 0 ? cluster.Host : HostOf(authority) ?? unknown;
            labels[IstioLabels.Reporter] = "destination";
            labels[IstioLabels.SourceWorkload] = unknown;
            labels[IstioLabels.SourceWorkloadNamespace] = SpiffePrincipal.Namespace(peerPrincipal) ?? unknown;
            labels[IstioLabels.SourcePrincipal] = peerPrincipal ?? unknown;
            labels[IstioLabels.DestinationWorkload] = node.Workload;
            labels[IstioLabels.DestinationWorkloadNamespace] = node.Namespace;
            labels[IstioLabels.DestinationVersion] = node.Version;
            labels[IstioLabels.ConnectionSecurityPolicy] = peerPrincipal is null ? "none" : "mutual_tls";
            SetService(labels, host);
            return;
        }

        var destination = parsed ? cluster.Host : common?.UpstreamCluster is { Length: > 0 } name ? name : unknown;
        labels[IstioLabels.Reporter] = "source";
        labels[IstioLabels.SourceWorkload] = node.Workload;
        labels[IstioLabels.SourceWorkloadNamespace] = node.Namespace;
        labels[IstioLabels.SourcePrincipal] = localPrincipal ?? unknown;
        labels[IstioLabels.DestinationWorkload] = unknown;
        labels[IstioLabels.DestinationVersion] = parsed && cluster.Subset.Length > 0 ? cluster.Subset : unknown;
        labels[IstioLabels.ConnectionSecurityPolicy] = unknown;
        SetService(labels, destination);
        labels[IstioLabels.DestinationWorkloadNamespace] = SpiffePrincipal.Namespace(peerPrincipal) ?? labels[IstioLabels.DestinationServiceNamespace];
    }

    private static void SetService(string[] labels, string host)
    {
        var (name, ns) = UpstreamCluster.ServiceParts(host);
        labels[IstioLabels.DestinationService] = host;
        labels[IstioLabels.DestinationServiceName] = name;
        labels[IstioLabels.DestinationServiceNamespace] = ns;
    }

    private void RecordGraph(string[] labels, double milliseconds, bool error)
    {
        var reporter = labels[IstioLabels.Reporter];
        var service = ServiceGraph.ServiceNode(labels[IstioLabels.DestinationService]);
        graph.Record(reporter, ServiceGraph.WorkloadNode(labels[IstioLabels.SourceWorkloadNamespace], labels[IstioLabels.SourceWorkload]), service, milliseconds, error);
        if (labels[IstioLabels.DestinationWorkload] != WorkloadIdentity.Unknown)
        {
            graph.Record(reporter, service, ServiceGraph.WorkloadNode(labels[IstioLabels.DestinationWorkloadNamespace], labels[IstioLabels.DestinationWorkload]), milliseconds, error);
        }
    }

    private static bool IsGrpc(HTTPRequestProperties? request, string grpcStatus) =>
        request?.RequestHeaders is { } headers && headers.TryGetValue("content-type", out var type) && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        || grpcStatus.Length > 0;

    private static string GrpcStatus(HTTPResponseProperties? response)
    {
        if (response is null)
        {
            return string.Empty;
        }

        if (!response.ResponseTrailers.TryGetValue("grpc-status", out var text) && !response.ResponseHeaders.TryGetValue("grpc-status", out text))
        {
            return string.Empty;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 0 and <= 16 ? GrpcStatuses[status] : WorkloadIdentity.Unknown;
    }

    private static string? UriSan(TLSProperties.Types.CertificateProperties? certificate)
    {
        if (certificate is null)
        {
            return null;
        }

        foreach (var san in certificate.SubjectAltName)
        {
            if (san.SanCase == TLSProperties.Types.CertificateProperties.Types.SubjectAltName.SanOneofCase.Uri)
            {
                return san.Uri;
            }
        }

        return null;
    }

    private static string? HostOf(string? authority)
    {
        if (string.IsNullOrEmpty(authority))
        {
            return null;
        }

        var colon = authority.LastIndexOf(':');
        return colon > 0 && authority.IndexOf(']', StringComparison.Ordinal) < colon ? authority[..colon] : authority;
    }
}
