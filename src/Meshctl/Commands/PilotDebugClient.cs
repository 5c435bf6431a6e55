using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Pilot.Debug;
using ControlPlane.Shared.Hosting;

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
            var text = monitoringAddress.Contains("://", StringComparison.Ordinal) ? monitoringAddress : $"http://{monitoringAddress}";
            return Uri.TryCreate(text, UriKind.Absolute, out var address) && address.Port > 0
                ? new PilotDebugClient(address)
                : throw MeshctlException.Usage($"--monitoring-address '{monitoringAddress}' is not HOST:PORT; e.g. --monitoring-address 127.0.0.1:15014");
        }

        var ports = MeshdPorts.Read(dataDir);
        if (!ports.Found)
        {
            throw ports.NotRunning("--monitoring-address HOST:PORT");
        }

        return ports.Port(MeshPort.Monitoring) is { } port
            ? new PilotDebugClient(new Uri($"http://127.0.0.1:{port}"))
            : throw new MeshctlException($"{ports.File} has no \"monitoring\" port; restart Meshd to rewrite it, or pass --monitoring-address HOST:PORT");
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
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MeshctlException($"cannot reach Pilot at {_http.BaseAddress} ({e.Message}): is Meshd running? Start it with scripts/run-meshd.sh, or check --monitoring-address and --data-dir");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => body,
            HttpStatusCode.NotFound when path.Contains("proxyID", StringComparison.Ordinal) => throw new MeshctlException($"proxy not found: {ErrorText(body)}; run meshctl proxy-status for the ids of connected clients"),
            _ => throw new MeshctlException($"{_http.BaseAddress}{path.TrimStart('/')} answered HTTP {(int)response.StatusCode} ({ErrorText(body)}); is that Pilot's monitoring port?"),
        };
    }

    private static string ErrorText(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?.ToString() ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
