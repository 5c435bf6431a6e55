using System.Globalization;
using ControlPlane.Shared.Registry;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>
/// The listener a proxyless gRPC client asks for when it dials <c>xds:///host:port</c>: named
/// exactly as the target, <c>host:port</c>, or <c>host</c> alone for a service's first port.
/// </summary>
internal static class ListenerName
{
    public static string For(MeshService service, ServicePort port) =>
        string.Create(CultureInfo.InvariantCulture, $"{service.Hostname}:{port.Number}");

    /// <summary>Finds the service and port a listener name refers to.</summary>
    public static bool TryResolve(ServiceRegistry registry, string name, out MeshService service, out ServicePort port)
    {
        service = null!;
        port = null!;
        var colon = name.LastIndexOf(':');
        var host = name;
        int? number = null;
        if (colon > 0 && int.TryParse(name.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            host = name[..colon];
            number = parsed;
        }

        if (registry.FindService(host) is not { } found)
        {
            return false;
        }

        var match = number is { } n ? found.FindPort(n) : found.Ports.FirstOrDefault();
        if (match is null)
        {
            return false;
        }

        service = found;
        port = match;
        return true;
    }
}
