using Microsoft.AspNetCore.Builder;

namespace ControlPlane.Shared.Hosting;

/// <summary>Binds endpoints to one of the mesh's ports.</summary>
public static class MeshPortEndpointExtensions
{
    /// <summary>The endpoints answer only on connections accepted on <paramref name="port"/>.</summary>
    public static TBuilder RequireMeshPort<TBuilder>(this TBuilder builder, MeshPort port)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(new MeshPortMetadata(port.Key)));
        return builder;
    }
}
