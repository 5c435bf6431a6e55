using System.Text.Json;
using ControlPlane.Shared.Hosting;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// The ports a running Meshd (or a single service) recorded in <c>DATA_DIR/ports.json</c>, so
/// commands find it on 127.0.0.1 without being told its addresses.
/// </summary>
internal sealed class MeshdPorts(string dataDir, IReadOnlyDictionary<string, int>? ports)
{
    /// <summary>Whether the file was there: a Meshd has run with this data directory.</summary>
    public bool Found => ports is not null;

    public string File => Path.Combine(dataDir, "ports.json");

    /// <summary>Reads <c>DATA_DIR/ports.json</c>; a missing file gives an empty set, an unreadable one fails with a hint.</summary>
    public static MeshdPorts Read(string dataDir)
    {
        var file = Path.Combine(dataDir, "ports.json");
        if (!System.IO.File.Exists(file))
        {
            return new MeshdPorts(dataDir, null);
        }

        try
        {
            return new MeshdPorts(dataDir, JsonSerializer.Deserialize<Dictionary<string, int>>(System.IO.File.ReadAllText(file)) ?? []);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new MeshctlException($"cannot read {file} ({e.Message}); restart Meshd to rewrite it, or give the address with a flag");
        }
    }

    /// <summary>The recorded port, or null when the file or the entry is missing.</summary>
    public int? Port(MeshPort port) => ports is not null && ports.TryGetValue(port.Key, out var bound) ? bound : null;

    /// <summary>The failure to report when a command needs a running Meshd and this data directory shows none.</summary>
    public MeshctlException NotRunning(string flag) =>
        new($"no {File}: is Meshd running with --data-dir {dataDir}? Start it with scripts/run-meshd.sh (or meshd --data-dir {dataDir}), or pass {flag}");
}
