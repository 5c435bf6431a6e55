using ControlPlane.Mixer.Telemetry;
using Envoy.Service.Accesslog.V3;
using Grpc.Core;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// <c>envoy.service.accesslog.v3.AccessLogService</c>: Envoy names itself (node, log name) in the
/// first message of a stream only, so the node's workload is read once and used for every later
/// batch. A stream whose first message has no identifier is <c>INVALID_ARGUMENT</c>.
/// </summary>
internal sealed class AccessLogApi(AccessLogIngestor ingestor) : AccessLogService.AccessLogServiceBase
{
    public override async Task<StreamAccessLogsResponse> StreamAccessLogs(IAsyncStreamReader<StreamAccessLogsMessage> requestStream, ServerCallContext context)
    {
        WorkloadIdentity? node = null;
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (message.Identifier is { } identifier)
            {
                node = NodeIdentityReader.Read(identifier.Node);
            }
            else if (node is null)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "the first StreamAccessLogsMessage of a stream must carry identifier"));
            }

            switch (message.LogEntriesCase)
            {
                case StreamAccessLogsMessage.LogEntriesOneofCase.HttpLogs:
                    foreach (var entry in message.HttpLogs.LogEntry)
                    {
                        ingestor.Ingest(node, entry);
                    }

                    break;
                case StreamAccessLogsMessage.LogEntriesOneofCase.TcpLogs:
                    foreach (var entry in message.TcpLogs.LogEntry)
                    {
                        ingestor.Ingest(node, entry);
                    }

                    break;
            }
        }

        return new StreamAccessLogsResponse();
    }
}
