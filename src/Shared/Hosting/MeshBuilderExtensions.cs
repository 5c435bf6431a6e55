using Microsoft.AspNetCore.Builder;

namespace ControlPlane.Shared.Hosting;

/// <summary>Access to the host's port registry from a service's <c>Add&lt;Service&gt;()</c>.</summary>
public static class MeshBuilderExtensions
{
    /// <summary>The ports of the host being built; services add the ports they serve.</summary>
    public static MeshPortRegistry MeshPorts(this WebApplicationBuilder builder) =>
        builder.Services.FirstOrDefault(d => d.ServiceType == typeof(MeshPortRegistry))?.ImplementationInstance as MeshPortRegistry
        ?? throw new InvalidOperationException("services must be added to a builder made by MeshHost");
}
