using System.Globalization;
using ControlPlane.Shared.Xds;

namespace ControlPlane.Galley.Distribution.Bench;

/// <summary>The harness's knobs, from <c>--name value</c> arguments.</summary>
internal sealed record BenchSettings(int Subscribers, int Rounds, int Files, int ObjectsPerFile, XdsProtocol Protocol)
{
    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var protocol = values.GetValueOrDefault("--protocol", "delta") switch
        {
            "delta" => XdsProtocol.Delta,
            "sotw" => XdsProtocol.StateOfTheWorld,
            var other => throw new ArgumentException($"--protocol: '{other}' is not delta or sotw"),
        };
        return new BenchSettings(Int("--subscribers", 100), Int("--rounds", 100), Int("--files", 20), Int("--objects", 10), protocol);
    }

    /// <summary>Istio objects served: a VirtualService and a DestinationRule per object slot.</summary>
    public int ObjectCount => Files * ObjectsPerFile * 2;
}
