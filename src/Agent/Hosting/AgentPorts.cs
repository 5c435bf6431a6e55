using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ControlPlane.Agent.Hosting;

/// <summary>
/// The agent's two ports as bound (0 picks a free one): known once the server has started, then
/// written to <c>OUTPUT_DIR/agent-ports.json</c> (<c>{"monitoring":N,"xdsProxy":M}</c>).
/// </summary>
internal sealed class AgentPorts
{
    public const string FileName = "agent-ports.json";

    private readonly TaskCompletionSource _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ListenOptions? MonitoringListener { get; set; }

    public ListenOptions? XdsProxyListener { get; set; }

    public int Monitoring { get; private set; }

    public int XdsProxy { get; private set; }

    /// <summary>Completes once both ports are bound.</summary>
    public Task Bound => _bound.Task;

    public void Publish(string outputDir)
    {
        Monitoring = Port(MonitoringListener);
        XdsProxy = Port(XdsProxyListener);
        Directory.CreateDirectory(outputDir);
        Certificates.CertificateFileWriter.WriteAtomically(
            Path.Combine(outputDir, FileName), JsonSerializer.Serialize(new { monitoring = Monitoring, xdsProxy = XdsProxy }), secret: false);
        _bound.TrySetResult();
    }

    private static int Port(ListenOptions? listen) => (listen?.EndPoint as IPEndPoint)?.Port ?? 0;
}
