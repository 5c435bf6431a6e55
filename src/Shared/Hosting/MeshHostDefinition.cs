using Microsoft.AspNetCore.Builder;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// What a host executable runs: its name, the flags of its services, and the services'
/// <c>Add&lt;Service&gt;()</c>/<c>Map&lt;Service&gt;()</c> pair. Meshd and each standalone service
/// are one definition each over the same registration code.
/// </summary>
public sealed record MeshHostDefinition(
    string Program,
    IReadOnlyList<MeshFlag> ServiceFlags,
    Action<WebApplicationBuilder> AddServices,
    Action<WebApplication> MapServices)
{
    /// <summary>The common flags followed by the services' own, without duplicates.</summary>
    public IReadOnlyList<MeshFlag> AllFlags =>
        MeshFlags.Common.Concat(ServiceFlags).DistinctBy(f => f.Name, StringComparer.Ordinal).ToList();
}
