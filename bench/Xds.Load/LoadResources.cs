using System.Globalization;
using ControlPlane.Shared.Xds;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Bench.XdsLoad;

/// <summary>
/// Resources of a few hundred bytes (a Node message with metadata; field 1 is the name). Round
/// <c>r</c> changes exactly one resource, so delta sends one and SotW sends all.
/// </summary>
internal static class LoadResources
{
    public const string TypeUrl = "type.googleapis.com/envoy.config.core.v3.Node";

    public static XdsResourceSet Set(int round, int count) =>
        new($"v{round}", Enumerable.Range(0, count).Select(i => Resource(i, i == round % count ? round : 0)));

    private static XdsResource Resource(int index, int generation)
    {
        var name = $"outbound|9080|v{index % 3}|service-{index}.default.svc.cluster.local";
        var metadata = new Struct();
        for (var field = 0; field < 8; field++)
        {
            metadata.Fields[$"label-{field}"] = Value.ForString($"value-{field}-{index}-{generation}");
        }

        var node = new Node { Id = name, Cluster = $"generation-{generation.ToString(CultureInfo.InvariantCulture)}", Metadata = metadata };
        return XdsResource.Create(name, node);
    }
}
