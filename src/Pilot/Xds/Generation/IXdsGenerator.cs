using ControlPlane.Pilot.Model;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// Builds the resources of one type URL for one client: a pure function of the client and the
/// mesh snapshot. <see cref="DependsOn"/> names the config kinds whose change can alter the
/// output, so a change to anything else does not rebuild or push this type.
/// </summary>
internal interface IXdsGenerator
{
    string TypeUrl { get; }

    IReadOnlySet<string> DependsOn { get; }

    IEnumerable<GeneratedResource> Generate(ProxyInfo proxy, MeshSnapshot snapshot, ResourceRequest request);
}
