using Istio.Networking.V1Alpha3;

namespace ControlPlane.Galley.Analysis.Analyzers;

/// <summary>A destination of a VirtualService with the field path it was written at.</summary>
/// <param name="Path">E.g. <c>spec.http[0].route[1].destination</c> or <c>spec.http[0].mirror</c>.</param>
/// <param name="Destination">The destination.</param>
/// <param name="IsMirror">Whether traffic is mirrored there rather than routed.</param>
internal sealed record RouteDestination(string Path, Destination Destination, bool IsMirror)
{
    /// <summary>What a route without destination routes to: no host, which Istio reports as such.</summary>
    private static readonly Destination NoDestination = new();

    /// <summary>Route destinations (tcp, tls, then http, as Istio walks them; a missing one has no host), then http mirrors.</summary>
    public static IEnumerable<RouteDestination> Of(VirtualService vs)
    {
        for (var i = 0; i < vs.Tcp.Count; i++)
        {
            for (var j = 0; j < vs.Tcp[i].Route.Count; j++)
            {
                yield return new($"spec.tcp[{i}].route[{j}].destination", vs.Tcp[i].Route[j].Destination ?? NoDestination, false);
            }
        }

        for (var i = 0; i < vs.Tls.Count; i++)
        {
            for (var j = 0; j < vs.Tls[i].Route.Count; j++)
            {
                yield return new($"spec.tls[{i}].route[{j}].destination", vs.Tls[i].Route[j].Destination ?? NoDestination, false);
            }
        }

        for (var i = 0; i < vs.Http.Count; i++)
        {
            for (var j = 0; j < vs.Http[i].Route.Count; j++)
            {
                yield return new($"spec.http[{i}].route[{j}].destination", vs.Http[i].Route[j].Destination ?? NoDestination, false);
            }
        }

        for (var i = 0; i < vs.Http.Count; i++)
        {
            if (vs.Http[i].Mirror is { } mirror)
            {
                yield return new($"spec.http[{i}].mirror", mirror, true);
            }

            for (var j = 0; j < vs.Http[i].Mirrors.Count; j++)
            {
                if (vs.Http[i].Mirrors[j].Destination is { } d)
                {
                    yield return new($"spec.http[{i}].mirrors[{j}].destination", d, true);
                }
            }
        }
    }
}
