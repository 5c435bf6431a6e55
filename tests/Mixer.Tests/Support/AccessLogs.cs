using Envoy.Config.Core.V3;
using Envoy.Data.Accesslog.V3;
using Envoy.Service.Accesslog.V3;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Mixer.Tests.Support;

/// <summary>Access-log messages as an Istio sidecar's Envoy sends them.</summary>
internal static class AccessLogs
{
    public const string ProductpagePrincipal = "spiffe://cluster.local/ns/default/sa/bookinfo-productpage";
    public const string ReviewsPrincipal = "spiffe://cluster.local/ns/default/sa/bookinfo-reviews";

    public static Node SidecarNode(string workload, string ns, string version)
    {
        var labels = new Struct();
        labels.Fields["app"] = Value.ForString(workload.Split('-')[0]);
        labels.Fields["version"] = Value.ForString(version);
        var metadata = new Struct();
        metadata.Fields["WORKLOAD_NAME"] = Value.ForString(workload);
        metadata.Fields["NAMESPACE"] = Value.ForString(ns);
        metadata.Fields["LABELS"] = Value.ForStruct(labels);
        return new Node { Id = $"sidecar~10.1.1.1~{workload}-5b64f47978-abcde.{ns}~{ns}.svc.cluster.local", Metadata = metadata };
    }

    public static StreamAccessLogsMessage Identify(Node node) =>
        new() { Identifier = new StreamAccessLogsMessage.Types.Identifier { Node = node, LogName = "mixer-als" } };

    public static StreamAccessLogsMessage Http(params HTTPAccessLogEntry[] entries)
    {
        var message = new StreamAccessLogsMessage { HttpLogs = new StreamAccessLogsMessage.Types.HTTPAccessLogEntries() };
        message.HttpLogs.LogEntry.Add(entries);
        return message;
    }

    public static StreamAccessLogsMessage Tcp(params TCPAccessLogEntry[] entries)
    {
        var message = new StreamAccessLogsMessage { TcpLogs = new StreamAccessLogsMessage.Types.TCPAccessLogEntries() };
        message.TcpLogs.LogEntry.Add(entries);
        return message;
    }

    /// <summary>An HTTP entry: cluster name, status, duration, sizes; optional principals and gRPC status.</summary>
    public static HTTPAccessLogEntry HttpEntry(
        string cluster, uint status, double milliseconds, ulong requestBytes = 100, ulong responseBytes = 1000,
        string? localPrincipal = null, string? peerPrincipal = null, string? grpcStatus = null, ResponseFlags? flags = null)
    {
        var entry = new HTTPAccessLogEntry
        {
            CommonProperties = Common(cluster, localPrincipal, peerPrincipal, flags),
            ProtocolVersion = HTTPAccessLogEntry.Types.HTTPVersion.Http2,
            Request = new HTTPRequestProperties { RequestMethod = RequestMethod.Get, Path = "/", Authority = "reviews:9080", RequestHeadersBytes = requestBytes },
            Response = new HTTPResponseProperties { ResponseCode = status, ResponseHeadersBytes = responseBytes },
        };
        entry.CommonProperties.TimeToLastDownstreamTxByte = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(milliseconds));
        if (grpcStatus is not null)
        {
            entry.Request.RequestHeaders["content-type"] = "application/grpc";
            entry.Response.ResponseTrailers["grpc-status"] = grpcStatus;
        }

        return entry;
    }

    public static TCPAccessLogEntry TcpEntry(string cluster, AccessLogType type, ulong sent = 0, ulong received = 0)
    {
        var entry = new TCPAccessLogEntry
        {
            CommonProperties = Common(cluster, null, null, null),
            ConnectionProperties = new ConnectionProperties { SentBytes = sent, ReceivedBytes = received },
        };
        entry.CommonProperties.AccessLogType = type;
        return entry;
    }

    private static AccessLogCommon Common(string cluster, string? localPrincipal, string? peerPrincipal, ResponseFlags? flags)
    {
        var common = new AccessLogCommon { UpstreamCluster = cluster, SampleRate = 1, ResponseFlags = flags };
        if (localPrincipal is not null || peerPrincipal is not null)
        {
            common.TlsProperties = new TLSProperties { TlsVersion = TLSProperties.Types.TLSVersion.Tlsv13 };
            if (localPrincipal is not null)
            {
                common.TlsProperties.LocalCertificateProperties = Certificate(localPrincipal);
            }

            if (peerPrincipal is not null)
            {
                common.TlsProperties.PeerCertificateProperties = Certificate(peerPrincipal);
            }
        }

        return common;
    }

    private static TLSProperties.Types.CertificateProperties Certificate(string uri)
    {
        var certificate = new TLSProperties.Types.CertificateProperties();
        certificate.SubjectAltName.Add(new TLSProperties.Types.CertificateProperties.Types.SubjectAltName { Uri = uri });
        return certificate;
    }
}
