using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// Routes by listening port: an endpoint with <see cref="MeshPortMetadata"/> only matches
/// requests that arrived on that port. This is what lets Meshd host Galley's and Pilot's
/// <c>AggregatedDiscoveryService</c> side by side on 9901 and 15010, and keeps /metrics off
/// the gRPC ports, even when ports are chosen at start-up (port 0).
/// </summary>
internal sealed class MeshPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => -100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<MeshPortMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var portKey = MeshPortConnection.PortKeyOf(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            var required = candidates[i].Endpoint.Metadata.GetMetadata<MeshPortMetadata>();
            if (required is not null && !string.Equals(required.PortKey, portKey, StringComparison.Ordinal))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
