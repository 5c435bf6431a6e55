using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>
/// One real xDS client process (Node or Python) with its own bootstrap pointing at Pilot. It stays
/// up across config changes; each <see cref="CallAsync"/> sends one command line and reads one result line.
/// </summary>
public sealed class XdsClientProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ClientProcessHandle _handle;
    private readonly Process _process;

    private XdsClientProcess(Process process, string nodeId)
    {
        _handle = new ClientProcessHandle(process);
        _process = process;
        NodeId = nodeId;
    }

    public string NodeId { get; }

    public string Stderr => _handle.Stderr;

    public static XdsClientProcess Start(ClientKind kind, int xdsPort, string target, string directory)
    {
        var nodeId = $"sidecar~127.0.0.1~{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}.default~default.svc.cluster.local";
        var bootstrap = Path.Combine(directory, $"bootstrap-{Guid.NewGuid():N}.json");
        File.WriteAllText(bootstrap, Bootstrap(xdsPort, nodeId).ToJsonString());
        return Start(kind, bootstrap, nodeId, target);
    }

    /// <summary>
    /// Starts a client on a bootstrap file written elsewhere (e.g. by <c>meshctl bootstrap</c>) whose node id is <paramref name="nodeId"/>;
    /// with <paramref name="xdsCredentials"/> (Node only) it takes TLS from the clusters it is sent (XdsChannelCredentials).
    /// </summary>
    public static XdsClientProcess Start(ClientKind kind, string bootstrap, string nodeId, string target, bool xdsCredentials = false)
    {
        var start = kind == ClientKind.Node
            ? new ProcessStartInfo("node", [RepoPaths.NodeClient, target])
            : new ProcessStartInfo("/usr/bin/python3", [RepoPaths.PythonClient, target]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["GRPC_XDS_BOOTSTRAP"] = bootstrap;
        start.Environment["PYTHONUNBUFFERED"] = "1";
        if (xdsCredentials)
        {
            start.Environment["XDS_CLIENT_CREDENTIALS"] = "xds";
        }

        return new XdsClientProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}"), nodeId);
    }

    /// <summary>Makes <paramref name="count"/> calls (each with a deadline) and returns what they got.</summary>
    public async Task<ClientResult> CallAsync(int count, IReadOnlyDictionary<string, string>? headers = null, int deadlineMs = 5000)
    {
        var command = new JsonObject { ["count"] = count, ["deadlineMs"] = deadlineMs, ["headers"] = JsonSerializer.SerializeToNode(headers ?? new Dictionary<string, string>()) };
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync();
        // Calls run 20 at a time, each bounded by its deadline.
        var limit = TimeSpan.FromMilliseconds(deadlineMs * (count / 20.0 + 2)) + TimeSpan.FromSeconds(30);
        using var timeout = new CancellationTokenSource(limit);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"client gave no answer within {limit}; stderr:\n{Stderr}");
        }

        return line is null
            ? throw new InvalidOperationException($"client exited ({(_process.HasExited ? _process.ExitCode : -1)}); stderr:\n{Stderr}")
            : JsonSerializer.Deserialize<ClientResult>(line, Json)!;
    }

    public ValueTask DisposeAsync() => _handle.DisposeAsync();

    private static JsonObject Bootstrap(int xdsPort, string nodeId) => new()
    {
        ["xds_servers"] = new JsonArray(new JsonObject
        {
            ["server_uri"] = $"127.0.0.1:{xdsPort}",
            ["channel_creds"] = new JsonArray(new JsonObject { ["type"] = "insecure" }),
            ["server_features"] = new JsonArray("xds_v3"),
        }),
        ["node"] = new JsonObject
        {
            ["id"] = nodeId,
            ["metadata"] = new JsonObject { ["GENERATOR"] = "grpc", ["NAMESPACE"] = "default" },
            ["locality"] = new JsonObject(),
        },
    };
}
