using System.Diagnostics;

namespace ControlPlane.E2E.Tests.Support;

/// <summary>
/// A real xDS-enabled gRPC server (<c>tests/clients/node/xds_server.js</c>, grpc-js-xds XdsServer
/// with XdsServerCredentials and RBAC on) at 127.0.0.1 on a free port. It serves once Pilot has
/// sent its listener; its Hello answers with the caller's identity.
/// </summary>
public sealed class XdsServerProcess : IAsyncDisposable
{
    private readonly ClientProcessHandle _handle;
    private readonly Process _process;

    private XdsServerProcess(Process process, int port)
    {
        _handle = new ClientProcessHandle(process);
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Stderr => _handle.Stderr;

    public static XdsServerProcess Start(string bootstrap, int port)
    {
        var start = new ProcessStartInfo("node", [RepoPaths.NodeServer, $"127.0.0.1:{port}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GRPC_XDS_BOOTSTRAP"] = bootstrap;
        start.Environment["GRPC_XDS_EXPERIMENTAL_RBAC"] = "true";
        return new XdsServerProcess(Process.Start(start) ?? throw new InvalidOperationException("cannot start node"), port);
    }

    /// <summary>A port nothing listens on now, for the server to bind (an xDS server cannot take port 0: its listener is named by the port).</summary>
    public static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Waits for the server's <c>{"serving": PORT}</c> line: it has its listener from Pilot.</summary>
    public async Task WaitServingAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancel.Token);
            Assert.True(line is not null && line.Contains("serving", StringComparison.Ordinal), $"the xDS server did not start serving: {line}; stderr:\n{Stderr}");
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the xDS server was not serving within {timeout}; stderr:\n{Stderr}");
        }
    }

    public ValueTask DisposeAsync() => _handle.DisposeAsync();
}
