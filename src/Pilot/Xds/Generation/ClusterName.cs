using System.Globalization;

namespace ControlPlane.Pilot.Xds.Generation;

/// <summary>Istio's cluster name, <c>outbound|9080|v2|reviews.default.svc.cluster.local</c> (subset empty for the whole service).</summary>
internal sealed record ClusterName(int Port, string Subset, string Host)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"outbound|{Port}|{Subset}|{Host}");

    public static bool TryParse(string name, out ClusterName parsed)
    {
        parsed = null!;
        var parts = name.Split('|');
        if (parts.Length != 4 || parts[0] != "outbound" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || parts[3].Length == 0)
        {
            return false;
        }

        parsed = new ClusterName(port, parts[2], parts[3]);
        return true;
    }
}
