using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace ControlPlane.Shared.Hosting;

/// <summary>Tags each accepted connection with the key of the port it came in on.</summary>
internal static class MeshPortConnection
{
    internal const string ItemKey = "controlplane.mesh-port";

    internal static string? PortKeyOf(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ItemKey, out var value) == true
            ? value as string
            : null;
}
