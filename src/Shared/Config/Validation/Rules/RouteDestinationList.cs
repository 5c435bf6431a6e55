using Istio.Networking.V1Alpha3;

namespace ControlPlane.Shared.Config.Validation.Rules;

/// <summary>One list of weighted destinations in a VirtualService (<c>spec.http[0].route</c>), flattened for the rules.</summary>
internal sealed record RouteDestinationList(string Path, IReadOnlyList<(Destination? Destination, int Weight)> Entries)
{
    /// <summary>The route lists of HTTP, TLS and TCP routes, in order.</summary>
    public static IEnumerable<RouteDestinationList> Of(VirtualService spec)
    {
        for (var i = 0; i < spec.Http.Count; i++)
        {
            yield return new($"spec.http[{i}].route", spec.Http[i].Route.Select(r => ((Destination?)r.Destination, r.Weight)).ToList());
        }

        for (var i = 0; i < spec.Tls.Count; i++)
        {
            yield return new($"spec.tls[{i}].route", spec.Tls[i].Route.Select(r => ((Destination?)r.Destination, r.Weight)).ToList());
        }

        for (var i = 0; i < spec.Tcp.Count; i++)
        {
            yield return new($"spec.tcp[{i}].route", spec.Tcp[i].Route.Select(r => ((Destination?)r.Destination, r.Weight)).ToList());
        }
    }
}
