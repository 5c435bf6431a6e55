using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// The thin gRPC face of an <see cref="XdsServer"/>: <c>envoy.service.discovery.v3.AggregatedDiscoveryService</c>.
/// <typeparamref name="TTag"/> picks which server (Galley's and Pilot's live in one Meshd process,
/// each on its own port); map it with <see cref="XdsServerRegistration.MapXdsServer{TTag}"/>.
/// </summary>
/// <typeparam name="TTag">Any type naming the server; the key it was added under.</typeparam>
public sealed class XdsDiscoveryService<TTag> : AggregatedDiscoveryService.AggregatedDiscoveryServiceBase
{
    private readonly XdsServer _server;

    /// <summary>Resolves the server registered for <typeparamref name="TTag"/>.</summary>
    public XdsDiscoveryService(IServiceProvider services) =>
        _server = services.GetRequiredKeyedService<XdsServer>(typeof(TTag));

    /// <inheritdoc />
    public override Task StreamAggregatedResources(
        IAsyncStreamReader<DiscoveryRequest> requestStream, IServerStreamWriter<DiscoveryResponse> responseStream, ServerCallContext context) =>
        _server.RunStateOfTheWorldAsync(requestStream, responseStream, context);

    /// <inheritdoc />
    public override Task DeltaAggregatedResources(
        IAsyncStreamReader<DeltaDiscoveryRequest> requestStream, IServerStreamWriter<DeltaDiscoveryResponse> responseStream, ServerCallContext context) =>
        _server.RunDeltaAsync(requestStream, responseStream, context);
}
