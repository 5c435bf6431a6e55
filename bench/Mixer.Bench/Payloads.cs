using System.Buffers.Binary;
using Envoy.Config.Core.V3;
using Envoy.Data.Accesslog.V3;
using Envoy.Extensions.Common.Ratelimit.V3;
using Envoy.Service.Accesslog.V3;
using Envoy.Service.Auth.V3;
using Envoy.Service.Ratelimit.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Bench.Mixer;

/// <summary>Request bodies for h2load: gRPC length-prefixed messages, as a client writes them.</summary>
internal static class Payloads
{
    public const int EntriesPerBatch = 10;

    public const int BatchesPerStream = 100;

    public static CheckRequest Check()
    {
        var request = new CheckRequest
        {
            Attributes = new AttributeContext
            {
                Source = new AttributeContext.Types.Peer { Principal = "spiffe://cluster.local/ns/default/sa/productpage" },
                Destination = new AttributeContext.Types.Peer { Principal = "spiffe://cluster.local/ns/default/sa/reviews" },
                Request = new AttributeContext.Types.Request
                {
                    Http = new AttributeContext.Types.HttpRequest { Method = "GET", Path = "/api/v1/reviews/1", Host = "reviews:9080" },
                },
            },
        };
        request.Attributes.Destination.Labels["app"] = "reviews";
        request.Attributes.Destination.Labels["version"] = "v2";
        request.Attributes.Request.Http.Headers["x-tenant"] = "acme-prod";
        request.Attributes.Request.Http.Headers["user-agent"] = "bench";
        return request;
    }

    public static RateLimitRequest RateLimit()
    {
        var descriptor = new RateLimitDescriptor();
        descriptor.Entries.Add(new RateLimitDescriptor.Types.Entry { Key = "remote_address", Value = "10.0.0.5" });
        var request = new RateLimitRequest { Domain = "bench" };
        request.Descriptors.Add(descriptor);
        return request;
    }

    public static byte[] AccessLogStream()
    {
        var metadata = new Struct();
        metadata.Fields["WORKLOAD_NAME"] = Value.ForString("productpage-v1");
        metadata.Fields["NAMESPACE"] = Value.ForString("default");
        using var body = new MemoryStream();
        for (var b = 0; b < BatchesPerStream; b++)
        {
            var message = new StreamAccessLogsMessage { HttpLogs = new StreamAccessLogsMessage.Types.HTTPAccessLogEntries() };
            if (b == 0)
            {
                message.Identifier = new StreamAccessLogsMessage.Types.Identifier { Node = new Node { Id = "sidecar~10.1.1.1~productpage-v1-abc.default~default.svc.cluster.local", Metadata = metadata }, LogName = "bench" };
            }

            for (var e = 0; e < EntriesPerBatch; e++)
            {
                message.HttpLogs.LogEntry.Add(new HTTPAccessLogEntry
                {
                    CommonProperties = new AccessLogCommon
                    {
                        UpstreamCluster = $"outbound|9080|v{e % 3 + 1}|reviews.default.svc.cluster.local",
                        TimeToLastDownstreamTxByte = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(e * 3 + 1)),
                    },
                    Request = new HTTPRequestProperties { Path = "/api", RequestHeadersBytes = 200 },
                    Response = new HTTPResponseProperties { ResponseCode = e == 9 ? 503u : 200u, ResponseBodyBytes = 1000 },
                });
            }

            Frame(body, message);
        }

        return body.ToArray();
    }

    public static byte[] Framed(IMessage message)
    {
        using var body = new MemoryStream();
        Frame(body, message);
        return body.ToArray();
    }

    private static void Frame(Stream body, IMessage message)
    {
        var bytes = message.ToByteArray();
        Span<byte> header = stackalloc byte[5];
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)bytes.Length);
        body.Write(header);
        body.Write(bytes);
    }
}
