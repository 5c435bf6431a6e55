using System.Globalization;
using ControlPlane.Shared.Xds;

namespace ControlPlane.Bench.XdsLoad;

/// <summary>Command-line settings: <c>--clients N --resources N --changes N --protocol sotw|delta</c>.</summary>
internal sealed record LoadSettings(int Clients, int Resources, int Changes, XdsProtocol Protocol)
{
    public static LoadSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Int(string flag, int fallback) => values.TryGetValue(flag, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var protocol = values.GetValueOrDefault("--protocol", "sotw") == "delta" ? XdsProtocol.Delta : XdsProtocol.StateOfTheWorld;
        return new LoadSettings(Int("--clients", 1000), Int("--resources", 100), Int("--changes", 10), protocol);
    }
}
