using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Pilot.Debug;

namespace ControlPlane.Meshctl.Commands;

/// <summary>
/// Reads Pilot's debug endpoints on the monitoring port: the address given with
/// <c>--monitoring-address HOST:PORT</c>, or 127.0.0.1 and the <c>monitoring</c> port recorded in
/// <c>DATA_DIR/ports.json</c> by a running Meshd or Pilot.
/// </summary>
internal sealed class PilotDebugClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public static PilotDebugClient Create(string? monitoringAddress, string dataDir)
    {
        if (!string.IsNullOrEmpty(monitoringAddress))
        {
            return new PilotDebugClient(new Uri(monitoringAddress.Contains("://", StringComparison.Ordinal) ? monitoringAddress : $"http://{monitoringAddress}"));
        }

        var portsFile = Path.Combine(dataDir, "ports.json");
        if (!File.Exists(portsFile))
        {
            throw new MeshctlException($"no --monitoring-address and no {portsFile}: is Meshd or Pilot running with --data-dir {dataDir}?");
        }

        var ports = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(portsFile));
        if (ports is null || !ports.TryGetValue("monitoring", out var port))
        {
            throw new MeshctlException($"{portsFile}: no \"monitoring\" port");
        }

        return new PilotDebugClient(new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task<IReadOnlyList<SyncStatus>> SyncStatusAsync(CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<List<SyncStatus>>(await GetAsync("/debug/syncz", cancellationToken), PilotDebugEndpoints.Json) ?? [];

    /// <summary>The resources of one type (CDS, LDS, RDS, EDS) that a client acknowledged.</summary>
    public async Task<JsonArray> ResourcesAsync(string proxyId, string type, CancellationToken cancellationToken)
    {
        var dump = JsonNode.Parse(await GetAsync($"/debug/config_dump?proxyID={Uri.EscapeDataString(proxyId)}", cancellationToken));
        return dump?["types"]?[type]?["resources"]?.AsArray() ?? [];
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> GetAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MeshctlException($"cannot reach Pilot at {_http.BaseAddress}: {e.Message}");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => body,
            HttpStatusCode.NotFound when path.Contains("proxyID", StringComparison.Ordinal) => throw new MeshctlException($"proxy not found: {JsonNode.Parse(body)?["error"]}"),
            _ => throw new MeshctlException($"{_http.BaseAddress}{path.TrimStart('/')}: HTTP {(int)response.StatusCode}: {body}"),
        };
    }
}
